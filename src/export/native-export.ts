import type { Writable } from 'node:stream';
import { storedPartialDate } from '../domain/partial-date.js';
import { impactOfProperties } from '../import/impact-properties.js';
import { DATASET_FORMAT } from '../import/native/format.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import { each, type ExportReader } from './export-reader.js';
import { put } from './output.js';
import type {
  ExportActor,
  ExportCampaign,
  ExportClaim,
  ExportIncident,
  ExportOrganization,
  ExportStateTie,
} from './row-checks.js';
import { exportScope } from './scope.js';

export type ExportCounts = Record<
  'sources' | 'actors' | 'campaigns' | 'organizations' | 'incidents',
  number
>;

/** Every export starts from nothing written. */
export const nothingExported = (): ExportCounts => ({
  sources: 0,
  actors: 0,
  campaigns: 0,
  organizations: 0,
  incidents: 0,
});

/** Leaves out what is absent, so the file says only what is known. */
const known = (value: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) =>
        v !== null &&
        v !== undefined &&
        !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0),
    ),
  );

/** A claim on a state; the native format wants a confidence, and none stated is STIX's "none", 0. */
const stateClaim = (tie: ExportStateTie) => ({
  country: tie.country,
  confidence: tie.confidence ?? 0,
  sources: tie.sourceUrls,
});

/** A claim in the native format, for an incident or a campaign. */
const nativeClaim = (c: ExportClaim) =>
  known({
    actor: c.actorId,
    confidence: c.confidence,
    basis: c.basis,
    status: c.status,
    claimedBy: c.claimedBy,
    assessedAt: c.assessedAt,
    sources: c.sourceUrls,
  });

/** The impact the trackers measure, in the native format's terms; its sources by URL. */
function measuredImpact(i: ExportIncident): Record<string, unknown> {
  const impact = impactOfProperties(i.props);
  if (!impact) return {};
  return {
    categories: impact.categories.map((c) => known(c)),
    cyberIntensity: impact.cyberIntensity && known(impact.cyberIntensity),
    functional: impact.functional,
    intelligence: impact.intelligence,
    political: impact.political,
    economic: impact.economic,
    economicValue: impact.economicValue && known(impact.economicValue),
    casualties: impact.casualties,
    sources: i.impactSourceUrls,
  };
}

export function nativeIncident(i: ExportIncident): Record<string, unknown> {
  const p = i.props;
  return known({
    id: p.id,
    title: p.title,
    description: p.description,
    startDate: storedPartialDate(p.startDate, p.datePrecision),
    endDate: storedPartialDate(p.endDate, p.endPrecision),
    attackTypes: p.attackTypes ?? [],
    objective: p.objective,
    impact: known({
      disruptionDays: p.disruptionDays,
      recordsAffected: p.recordsAffected,
      ransomDemandedUsd: p.ransomDemandedUsd,
      ransomPaidUsd: p.ransomPaidUsd,
      ...measuredImpact(i),
    }),
    sectors: i.sectorIds,
    countries: i.countries.map((c) => ({ country: c.iso2, primary: c.primary })),
    regions: p.regions ?? [],
    organizations: i.organizationIds,
    campaign: i.campaignId,
    sources: i.sourceUrls,
    attributions: i.claims.map(nativeClaim),
    externalIds: p.externalIds ?? [],
  });
}

/**
 * An actor in the native format. The format holds one origin (the most confident is kept) and one
 * victimology block (the strongest confidence, the union of sources).
 */
export function nativeActor(a: ExportActor, exported: (actorId: string) => boolean) {
  const p = a.props;
  const targets = [...a.targetSectors, ...a.targetCountries];
  const [origin] = a.origins;
  return known({
    id: p.id,
    name: p.name,
    aliases: p.aliases ?? [],
    type: p.type ?? 'UNKNOWN',
    motivations: p.motivations ?? [],
    description: p.description,
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
    externalIds: p.externalIds ?? [],
    origin: origin ? stateClaim(origin) : undefined,
    sponsors: a.sponsors.map(stateClaim),
    affiliations: a.affiliations
      .filter((f) => exported(f.actorId))
      .map((f) => ({ actor: f.actorId, kind: f.kind })),
    targets:
      targets.length > 0
        ? known({
            sectors: a.targetSectors.map((t) => t.id),
            countries: a.targetCountries.map((t) => t.id),
            confidence: Math.max(...targets.map((t) => t.confidence ?? 0)),
            sources: [...new Set(targets.flatMap((t) => t.sourceUrls))],
          })
        : undefined,
  });
}

const nativeCampaign = ({ props, claims }: ExportCampaign) =>
  known({
    id: props.id,
    name: props.name,
    description: props.description,
    startDate: storedPartialDate(props.startDate, props.startPrecision),
    endDate: storedPartialDate(props.endDate, props.endPrecision),
    attributions: claims.map(nativeClaim),
  });

const nativeOrganization = (o: ExportOrganization) =>
  known({ id: o.props.id, name: o.props.name, sectors: o.sectorIds, country: o.country });

const nativeSource = (props: Record<string, unknown>) =>
  known({
    url: props.url,
    title: props.title,
    publisher: props.publisher,
    publishedAt: props.publishedAt,
  });

/**
 * Streams the graph (or the incidents passing the filter and everything they refer to) as a
 * native dataset that `cig import` reads back. Unfiltered, every kind streams in batches; filtered,
 * the keys referred to are gathered in a first pass over the incidents. When the graph held
 * something the export left out, the document ends with a `description` that lists it (the format's
 * free-text member, which the import ignores).
 */
export async function writeNativeExport(
  reader: ExportReader,
  filter: IncidentConditions,
  out: Writable,
): Promise<ExportCounts> {
  const only = await exportScope(reader, filter);
  const counts = nothingExported();
  const section = async <Row>(
    name: keyof ExportCounts,
    batches: AsyncGenerator<Row[]>,
    convert: (row: Row) => Record<string, unknown>,
  ) => {
    await put(out, `\n  ${JSON.stringify(name)}: [`);
    let first = true;
    for await (const row of each(batches)) {
      await put(out, `${first ? '' : ','}\n    ${JSON.stringify(convert(row))}`);
      first = false;
      counts[name] += 1;
    }
    await put(out, first ? ']' : '\n  ]');
  };
  await put(out, `{\n  "format": ${JSON.stringify(DATASET_FORMAT)},`);
  await section('incidents', reader.incidents(filter), nativeIncident);
  await put(out, ',');
  const exportedActor = (id: string) => only.actors === null || only.actors.has(id);
  await section('actors', reader.actors(only.actors), (a) => nativeActor(a, exportedActor));
  await put(out, ',');
  await section('campaigns', reader.campaigns(only.campaigns), nativeCampaign);
  await put(out, ',');
  await section('organizations', reader.organizations(only.organizations), nativeOrganization);
  await put(out, ',');
  await section('sources', reader.sources(only.sources), (s) => nativeSource(s.props));
  if (reader.report.count > 0)
    await put(
      out,
      `,\n  "description": ${JSON.stringify(`Incomplete export: ${reader.report.summary}`)}`,
    );
  await put(out, '\n}\n');
  return counts;
}
