/**
 * Ids of a simulated account, one sequence per kind of record (`user`, `client`…): 1, 2, 3…, or
 * an id a seed asks for, which must be free; later ids go on after the highest one taken.
 */
export class IdSequence {
  readonly #last = new Map<string, number>();

  /** @param vendor - the simulator's name, for messages */
  constructor(readonly vendor: string) {}

  /**
   * The next id of `kind`, or `wanted` when given.
   * @param taken - whether an id of this kind is already used (checked for `wanted` only)
   */
  next(kind: string, wanted?: number, taken: (id: number) => boolean = () => false): number {
    const last = this.#last.get(kind) ?? 0;
    if (wanted !== undefined && taken(wanted)) {
      throw new Error(`${this.vendor} simulator: ${kind} ${wanted} already exists`);
    }
    const id = wanted ?? last + 1;
    this.#last.set(kind, Math.max(last, id));
    return id;
  }
}
