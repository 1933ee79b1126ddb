import { sourceIdOf, type SourceRecord } from '../records.js';
import { CLAIMED_BY } from './cyberpeace-vocabulary.js';

/** The platform itself, cited for what it states without a source of its own (actor profiles). */
const PLATFORM = {
  url: 'https://cyberpeaceinstitute.org/',
  title: 'CyberPeace Institute platform event records',
};

/** The sources a file cites, each described once: the first title and publisher given win. */
export class SourceCatalogue {
  readonly #sources = new Map<string, SourceRecord>();

  /** A source's id, describing it on first sight and filling in what a later citation adds. */
  cite(url: string, title: string | null, publisher: string | null): string {
    const id = sourceIdOf(url);
    const known = this.#sources.get(id);
    if (known) {
      known.title ??= title;
      known.publisher ??= publisher;
    } else {
      this.#sources.set(id, { id, url, title, publisher, publishedAt: null });
    }
    return id;
  }

  /** The platform as a source. */
  platform(): string {
    return this.cite(PLATFORM.url, PLATFORM.title, CLAIMED_BY);
  }

  get records(): SourceRecord[] {
    return [...this.#sources.values()];
  }
}
