import { sourceIdOf, type SourceRecord } from '../records.js';
import type { StixObject } from './stix-object.js';

/**
 * The sources a bundle's objects cite, one record each however many objects cite it. A claim
 * cites its own references, else its subject's, else the bundle itself; a bundle of ours cites
 * exactly what each claim says, with no fallback.
 */
export class StixCitations {
  readonly #sources = new Map<string, SourceRecord>();
  readonly #bundle: SourceRecord;
  #bundleCited = false;

  constructor(
    bundleId: string,
    private readonly ours: boolean,
  ) {
    const url = `urn:stix:${bundleId}`;
    this.#bundle = {
      id: sourceIdOf(url),
      url,
      title: `STIX bundle ${bundleId}`,
      publisher: null,
      publishedAt: null,
    };
  }

  /** The sources named by the references that link to a web page. */
  cite(references: StixObject['external_references']): string[] {
    return (references ?? [])
      .filter((r) => r.url?.startsWith('http'))
      .map((r) => {
        const url = r.url ?? '';
        const id = sourceIdOf(url);
        if (!this.#sources.has(id))
          this.#sources.set(id, {
            id,
            url,
            title: r.description ?? r.source_name ?? null,
            publisher: r.source_name ?? null,
            publishedAt: null,
          });
        return id;
      });
  }

  /** What a claim (an incident, a relationship) cites, falling back to its subject's references. */
  ofClaim(claim: StixObject, subject?: StixObject): string[] {
    if (this.ours) return this.cite(claim.external_references);
    for (const object of subject ? [claim, subject] : [claim]) {
      const cited = this.cite(object.external_references);
      if (cited.length > 0) return cited;
    }
    this.#bundleCited = true;
    return [this.#bundle.id];
  }

  /** Every source cited, in the order first cited; the bundle last, when a claim cites it. */
  records(): SourceRecord[] {
    return [...this.#sources.values(), ...(this.#bundleCited ? [this.#bundle] : [])];
  }
}
