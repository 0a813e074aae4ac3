/**
 * Converts between a canonical entity and a vendor's payload. A connector has one per entity
 * it handles; `context` carries what the conversion needs beyond the value (the connector's
 * options, the envelope id to pass as the vendor's external id …).
 */
export interface Mapper<Canonical, Vendor, Context = undefined> {
  /** Canonical → the vendor's request payload. */
  toVendor(value: Canonical, context: Context): Vendor;
  /** The vendor's payload → canonical. */
  fromVendor(value: Vendor, context: Context): Canonical;
}
