/**
 * The ids given to the records of one file. A record whose id is already taken gets it with a
 * suffix drawn from its own key in the source, so no two records of the file share an id.
 */
export class UniqueIds {
  readonly #taken = new Set<string>();

  /** `base`, or `base-suffix` when another record has `base` already. */
  give(base: string, suffix: string): string {
    const id = this.#taken.has(base) ? `${base}-${suffix}` : base;
    this.#taken.add(id);
    return id;
  }

  /** An id the source fixes itself, kept as it is and kept from every later record. */
  keep(id: string): string {
    this.#taken.add(id);
    return id;
  }
}
