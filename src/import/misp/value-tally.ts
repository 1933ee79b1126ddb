/** Values left out of a file's records, counted by value, for one note that names them all. */
export class ValueTally {
  readonly #counts = new Map<string, number>();

  add(value: string): void {
    this.#counts.set(value, (this.#counts.get(value) ?? 0) + 1);
  }

  /** `label: value (count), …`, the most frequent first; undefined when nothing was left out. */
  note(label: string): string | undefined {
    if (this.#counts.size === 0) return undefined;
    const list = [...this.#counts].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} (${n})`);
    return `${label}: ${list.join(', ')}`;
  }
}
