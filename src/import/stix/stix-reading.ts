import { EXTENSION_ID } from '../../domain/stix.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import {
  countSkipped,
  type ActorRecord,
  type CampaignRecord,
  type IncidentRecord,
  type ReadResult,
} from '../records.js';
import { UniqueIds } from '../unique-ids.js';
import { StixCitations } from './stix-citations.js';
import type { StixObject } from './stix-object.js';

/** An object of the bundle and where it stands in it (its index in `objects`). */
export interface IndexedObject {
  object: StixObject;
  index: number;
}

/**
 * What reading one bundle has found so far. Records are kept by the STIX id of the object they
 * were read from, so the relationships, read after every object, can find both their ends.
 */
export interface StixReading {
  readonly file: string;
  readonly taxonomy: Taxonomy;
  readonly includeRevoked: boolean;
  readonly result: ReadResult;
  /** The bundle's objects by STIX id, each in its most recently modified version. */
  readonly objects: ReadonlyMap<string, IndexedObject>;
  /** Identities that author objects (e.g. MITRE itself): producers, not victims. */
  readonly authors: ReadonlySet<string>;
  /** A bundle we exported (it declares our extension). */
  readonly ours: boolean;
  readonly citations: StixCitations;
  readonly ids: UniqueIds;
  /** Objects left out as revoked or deprecated: their relationships are left out with them. */
  readonly leftOut: Set<string>;
  readonly actors: Map<string, ActorRecord>;
  readonly campaigns: Map<string, CampaignRecord>;
  readonly incidents: Map<string, IncidentRecord>;
  /** Our id of each identity read as an organization. */
  readonly organizationIds: Map<string, string>;
  /** The sectors each identity stands for: its own when it is one of ours, else its industries'. */
  readonly sectorIds: Map<string, string[]>;
  /** The ISO alpha-2 code of each location that is a country. */
  readonly countries: Map<string, string>;
}

export interface ReadingStart {
  bundleId: string;
  objects: ReadonlyMap<string, IndexedObject>;
  file: string;
  taxonomy: Taxonomy;
  includeRevoked: boolean;
  result: ReadResult;
}

/** A reading of the bundle's objects that has read none of them yet. */
export function startReading(start: ReadingStart): StixReading {
  const { bundleId, ...given } = start;
  const { objects } = given;
  const ours = objects.has(EXTENSION_ID);
  return {
    ...given,
    authors: new Set(
      [...objects.values()].flatMap(({ object }) =>
        object.created_by_ref ? [object.created_by_ref] : [],
      ),
    ),
    ours,
    citations: new StixCitations(bundleId, ours),
    ids: new UniqueIds(),
    leftOut: new Set(),
    actors: new Map(),
    campaigns: new Map(),
    incidents: new Map(),
    organizationIds: new Map(),
    sectorIds: new Map(),
    countries: new Map(),
  };
}

/** Counts one more object or relationship left out for `reason`. */
export function skip(reading: StixReading, reason: string): void {
  countSkipped(reading.result, reason);
}

/** Whether the object is revoked or deprecated: left out unless the reading includes those. */
export function isWithdrawn(object: StixObject): boolean {
  return object.revoked === true || object.x_mitre_deprecated === true;
}

/** The object's id of ours: the one a bundle of ours gives it, else `base` made unique in the file. */
export function idOf(reading: StixReading, base: string, object: StixObject): string {
  if (object.x_cig_id) return reading.ids.keep(object.x_cig_id);
  const short = object.id.split('--')[1]?.slice(0, 8);
  return reading.ids.give(base || short || object.id, short ?? '');
}

/** The object's MITRE ATT&CK id (G0034, C0017), when it has one. */
export function attackId(object: StixObject): string | undefined {
  return object.external_references?.find((r) => r.source_name === 'mitre-attack')?.external_id;
}
