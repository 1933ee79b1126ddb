import type { OrganizationRecord } from '../records.js';
import { slugify } from '../slug.js';

/**
 * The victim organisations of a file, one record each however many rows name them: the id is made
 * from the name; sectors accumulate; the first country given is kept.
 */
export class OrganizationBook {
  readonly #organizations = new Map<string, OrganizationRecord>();

  /** The organisation's id; undefined when its name holds nothing to make one from. */
  add(name: string, sectorIds: readonly string[], country: string | null): string | undefined {
    const id = slugify(name);
    if (id === '') return undefined;
    const known = this.#organizations.get(id);
    if (!known) {
      this.#organizations.set(id, { id, name, sectorIds: [...new Set(sectorIds)], country });
      return id;
    }
    known.sectorIds = [...new Set([...known.sectorIds, ...sectorIds])];
    known.country ??= country;
    return id;
  }

  records(): OrganizationRecord[] {
    return [...this.#organizations.values()];
  }
}
