import { Metadata } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/min/metadata';

/**
 * The one metadata set crossline validates phone numbers with: libphonenumber-js's "min"
 * metadata (leading digits and national number patterns, no per-type patterns). Shared by the
 * full parse and the fast path so the two can never disagree about the data.
 */
export const phoneMetadata = metadataJson;

/** The compiled rules of one country's numbering plan that the fast path needs. */
export interface PlanRules {
  readonly callingCode: string;
  /** The national number pattern, anchored at both ends. */
  readonly pattern: RegExp;
  /** The national prefix for parsing, anchored at the start (`undefined` when none). */
  readonly prefixForParsing: RegExp | undefined;
  /** Whether a national prefix transform rule exists (the fast path stays out of those). */
  readonly hasTransformRule: boolean;
  /** The national prefix transform rule (`$1`-style replacement), when there is one. */
  readonly transformRule: string | undefined;
  /** The international dialling prefix pattern, anchored at the start. */
  readonly iddPrefix: RegExp | undefined;
  /** Leading digits that pick this country among those sharing its calling code (anchored). */
  readonly leadingDigits: RegExp | undefined;
  /** Whether the plan has per-type patterns (then validity is decided type by type). */
  readonly hasTypes: boolean;
}

/** The runtime surface of libphonenumber-js's Metadata class that crossline reads. */
interface NumberingPlanView {
  callingCode(): string;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  IDDPrefix(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
}

interface MetadataView {
  hasCountry(country: string): boolean;
  selectNumberingPlan(country: string): void;
  numberingPlan?: NumberingPlanView;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

const metadata = new Metadata(phoneMetadata) as unknown as MetadataView;
const plans = new Map<string, PlanRules | undefined>();

/** The compiled numbering plan rules of `country` (ISO 3166-1 alpha-2), or `undefined`. */
export function planRules(country: string): PlanRules | undefined {
  if (plans.has(country)) return plans.get(country);
  let rules: PlanRules | undefined;
  if (metadata.hasCountry(country)) {
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan as NumberingPlanView;
    const prefix = plan.nationalPrefixForParsing();
    const idd = plan.IDDPrefix();
    const leading = plan.leadingDigits();
    rules = {
      callingCode: plan.callingCode(),
      pattern: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
      prefixForParsing: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
      hasTransformRule: Boolean(plan.nationalPrefixTransformRule()),
      transformRule: plan.nationalPrefixTransformRule() || undefined,
      iddPrefix: idd ? new RegExp(`^(?:${idd})`) : undefined,
      leadingDigits: leading ? new RegExp(`^(?:${leading})`) : undefined,
      hasTypes: plan.hasTypes(),
    };
  }
  plans.set(country, rules);
  return rules;
}

/** The countries sharing a calling code, main country first; `undefined` when none. */
export function countriesForCallingCode(callingCode: string): readonly string[] | undefined {
  return metadata.getCountryCodesForCallingCode(callingCode);
}

/** Whether `country` is a country code libphonenumber-js knows. */
export function isKnownCountry(country: string): boolean {
  return metadata.hasCountry(country);
}
