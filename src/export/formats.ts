import type { Writable } from 'node:stream';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import type { ExportReader } from './export-reader.js';
import { writeGraphmlExport } from './graphml-export.js';
import { writeNativeExport, type ExportCounts } from './native-export.js';
import { writeStixExport } from './stix-export.js';

/** Formats written as one stream; CSV is one file per table (see csv-export.ts). */
export const streamFormats = ['json', 'graphml', 'stix'] as const;
export type StreamFormat = (typeof streamFormats)[number];
export const exportFormats = [...streamFormats, 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const isStreamFormat = (value: string): value is StreamFormat =>
  (streamFormats as readonly string[]).includes(value);

interface Exporter {
  contentType: string;
  extension: string;
  write(reader: ExportReader, filter: IncidentConditions, out: Writable): Promise<ExportCounts>;
}

/** Every export format: what it is called on the wire and what writes it. */
export const exporters: Record<StreamFormat, Exporter> = {
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    write: writeNativeExport,
  },
  graphml: {
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    write: writeGraphmlExport,
  },
  stix: {
    contentType: 'application/stix+json;version=2.1',
    extension: 'stix.json',
    write: writeStixExport,
  },
};
