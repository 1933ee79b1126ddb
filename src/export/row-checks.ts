import {
  actorTypes,
  affiliationKinds,
  attributionBases,
  attributionStatuses,
  datePrecisions,
  impactCategories,
  motivations,
  objectives,
} from '../domain/vocabulary.js';
import type {
  ActorRow,
  CampaignRow,
  CitationRow,
  ClaimRow,
  EntityRow,
  IncidentRow,
  NamedRow,
  OrganizationRow,
  Props,
  TieRow,
} from '../repositories/export-repository.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { ExportProblem, ItemKind, ItemPart, ProblemSink } from './export-report.js';

/**
 * Rows as the exporters may take them for granted: every property they write has the type the
 * graph model gives it, every link reaches a node that can be written. A row is checked against
 * the model, not against a format, so every format leaves out the same things: a node without what
 * identifies it (its name or title, an incident's start) is left out whole; a property of the wrong
 * type is left out of its node; a link to a node that is missing, unnamed or outside the taxonomy
 * is left out, and so is a claim or tie whose other end is. Each is reported to the sink.
 */
export interface ExportIncident {
  key: string;
  props: Props;
  sectorIds: string[];
  countries: { iso2: string; primary: boolean }[];
  organizationIds: string[];
  /** Names of the organizations, aligned with organizationIds. */
  organizationNames: string[];
  campaignId: string | null;
  campaignName: string | null;
  sourceUrls: string[];
  claims: ExportClaim[];
  /** The sources the measured impact cites. */
  impactSourceUrls: string[];
}

export interface ExportCampaign {
  key: string;
  props: Props;
  claims: ExportClaim[];
}

export type ExportClaim = Props & { actorId: string; actorName: string; sourceUrls: string[] };

export interface ExportStateTie {
  country: string;
  confidence: number | null;
  sourceUrls: string[];
}

export interface ExportTarget {
  id: string;
  confidence: number | null;
  sourceUrls: string[];
}

export interface ExportActor {
  key: string;
  props: Props;
  origins: ExportStateTie[];
  sponsors: ExportStateTie[];
  affiliations: { actorId: string; actorName: string; kind: string }[];
  targetSectors: ExportTarget[];
  targetCountries: ExportTarget[];
}

export interface ExportOrganization {
  key: string;
  props: Props;
  sectorIds: string[];
  country: string | null;
}

export type ExportEntity = EntityRow;

/** What a property must be, said the way a message says it. */
interface Shape {
  holds(value: unknown): boolean;
  expected: string;
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';
const oneOf = (values: readonly string[]): Shape => ({
  holds: (v) => typeof v === 'string' && values.includes(v),
  expected: `one of ${values.join(', ')}`,
});
const listOf = (shape: Shape): Shape => ({
  holds: (v) => Array.isArray(v) && v.every((x) => shape.holds(x)),
  expected: `a list, each ${shape.expected}`,
});
const text: Shape = { holds: (v) => typeof v === 'string', expected: 'text' };
const name: Shape = { holds: isText, expected: 'a non-empty text' };
/** Stored dates come back from the database as ISO days. */
const day: Shape = {
  holds: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  expected: 'a date',
};
const amount: Shape = {
  holds: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  expected: 'a number of at least 0',
};
const isConfidence = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100;
const confidence: Shape = { holds: isConfidence, expected: 'a whole number from 0 to 100' };
const precision = oneOf(datePrecisions);

/** Each kind's properties that exports write: which identify it (required) and which may be absent. */
interface Model {
  required: Record<string, Shape>;
  optional: Record<string, Shape>;
}

const models: Record<ItemKind | 'claim', Model> = {
  incident: {
    required: { title: name, startDate: day, datePrecision: precision },
    optional: {
      description: text,
      endDate: day,
      endPrecision: precision,
      attackTypes: listOf(text),
      objective: oneOf(objectives),
      disruptionDays: amount,
      recordsAffected: amount,
      ransomDemandedUsd: amount,
      ransomPaidUsd: amount,
      externalIds: listOf(text),
      regions: listOf(text),
      impactCategories: listOf(oneOf(impactCategories)),
      impactDescriptions: listOf(text),
      cyberIntensityUnweighted: amount,
      cyberIntensityWeighted: amount,
      targetMultiplier: text,
      functionalImpact: text,
      intelligenceImpact: text,
      politicalImpactMeasures: listOf(text),
      politicalImpactLevels: listOf(text),
      economicImpact: text,
      economicImpactAmount: amount,
      economicImpactCurrency: text,
      casualties: text,
      impactSourceIds: listOf(text),
    },
  },
  actor: {
    required: { name },
    optional: {
      aliases: listOf(text),
      type: oneOf(actorTypes),
      motivations: listOf(oneOf(motivations)),
      description: text,
      firstSeen: text,
      lastSeen: text,
      externalIds: listOf(text),
    },
  },
  campaign: {
    required: { name },
    optional: {
      description: text,
      startDate: day,
      startPrecision: precision,
      endDate: day,
      endPrecision: precision,
    },
  },
  organization: { required: { name }, optional: {} },
  source: {
    required: { url: name },
    optional: { title: text, publisher: text, publishedAt: text },
  },
  claim: {
    required: {
      confidence,
      basis: oneOf(attributionBases),
      status: oneOf(attributionStatuses),
    },
    optional: { id: text, claimedBy: text, assessedAt: text },
  },
};

/** A value quoted in a message, cut short. */
export const shown = (value: unknown): string => {
  const json = value === undefined ? 'nothing' : JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
};

/** Problems of one item, each message starting with the item. */
class ItemProblems {
  constructor(
    private readonly sink: ProblemSink,
    readonly kind: ItemKind,
    readonly key: string,
  ) {}

  add(part: ItemPart, message: string): void {
    const problem: ExportProblem = {
      kind: this.kind,
      key: this.key,
      part,
      message: `${this.kind} ${shown(this.key)}: ${message}`,
    };
    this.sink(problem);
  }
}

/**
 * The properties of a node (or claim) that hold their shape. Undefined when a required one does
 * not (the whole is left out, said as `whole`); an optional one that does not is left out alone.
 * `about` starts each message (empty for the item itself, "the claim on actor … " for a claim).
 */
function checkedProps(
  props: Props,
  model: Model,
  problems: ItemProblems,
  part: ItemPart,
  about: string,
  whole: string,
): Props | undefined {
  const wrong = (property: string, shape: Shape) =>
    props[property] === undefined || props[property] === null
      ? `${about}has no ${property}`
      : `${about}has ${property} ${shown(props[property])}, not ${shape.expected}`;
  for (const [property, shape] of Object.entries(model.required)) {
    if (!shape.holds(props[property])) {
      problems.add(
        part === 'properties' ? 'item' : part,
        `${wrong(property, shape)} — ${whole} left out`,
      );
      return undefined;
    }
  }
  return Object.fromEntries(
    Object.entries(props).filter(([property, value]) => {
      const shape = model.optional[property];
      if (!shape || value === null || shape.holds(value)) return true;
      problems.add(part, `${wrong(property, shape)} — property left out`);
      return false;
    }),
  );
}

/** The checks of one export's rows, against the taxonomy the export writes sectors and countries from. */
export interface RowChecks {
  incident: (row: IncidentRow, sink: ProblemSink) => ExportIncident | undefined;
  actor: (row: ActorRow, sink: ProblemSink) => ExportActor | undefined;
  organization: (row: OrganizationRow, sink: ProblemSink) => ExportOrganization | undefined;
  campaign: (row: CampaignRow, sink: ProblemSink) => ExportCampaign | undefined;
  source: (row: EntityRow, sink: ProblemSink) => ExportEntity | undefined;
}

const present = <T>(value: T | undefined): value is T => value !== undefined;

export function rowChecks(taxonomy: Taxonomy): RowChecks {
  const countries = new Set(taxonomy.countries.map((c) => c.iso2));
  const isSector = (id: unknown): id is string => typeof id === 'string' && taxonomy.isSector(id);
  const isCountry = (code: unknown): code is string =>
    typeof code === 'string' && countries.has(code);

  /** The URLs of the citations that reach a source with one; the others reported. */
  const citedUrls = (cited: CitationRow[], problems: ItemProblems, part: ItemPart, about = '') =>
    cited.flatMap((c) => {
      if (isText(c.url)) return [c.url];
      problems.add(
        part,
        `${about}cites source ${shown(c.id)}, which does not exist or has no URL — citation left out`,
      );
      return [];
    });

  /** The far end of a link when it has a key and a name; reported when not, `whole` left out. */
  const named = (
    node: NamedRow,
    problems: ItemProblems,
    part: ItemPart,
    link: string,
    whole: string,
  ) => {
    if (isText(node.id) && isText(node.name)) return { id: node.id, name: node.name };
    problems.add(
      part,
      isText(node.id)
        ? `${link} ${shown(node.id)}, which has no name — ${whole} left out`
        : `${link} without an id — ${whole} left out`,
    );
    return undefined;
  };

  /** The first of a link the model allows once; the others reported. */
  const theOne = <T>(found: T[], problems: ItemProblems, part: ItemPart, link: string) => {
    const [first, ...others] = found;
    if (others.length > 0)
      problems.add(
        part,
        `${link} ${found.length} times where the model allows one — the first kept, ${others.length} left out`,
      );
    return first;
  };

  /** Claims whose actor can be written and whose properties hold; the others reported. */
  const checkedClaims = (claims: ClaimRow[], problems: ItemProblems): ExportClaim[] =>
    claims.flatMap((claim): ExportClaim[] => {
      const actor = named(claim.actor, problems, 'claims', 'a claim names actor', 'claim');
      if (!actor) return [];
      const about = `the claim on actor ${shown(actor.id)} `;
      const checked = checkedProps(claim.props, models.claim, problems, 'claims', about, 'claim');
      if (!checked) return [];
      return [
        {
          ...checked,
          actorId: actor.id,
          actorName: actor.name,
          sourceUrls: citedUrls(claim.sources, problems, 'claims', about),
        },
      ];
    });

  const sectorIds = (ids: unknown[], problems: ItemProblems, link: string) =>
    ids.filter((id): id is string => {
      if (isSector(id)) return true;
      problems.add(
        'sectors',
        `${link} sector ${shown(id)}, which is not in the taxonomy — link left out`,
      );
      return false;
    });

  /** A claim tying an actor to a sector or country (origin, sponsor, reported target). */
  const tie = (
    row: TieRow,
    problems: ItemProblems,
    part: ItemPart,
    claim: string,
    isTarget: (target: unknown) => target is string,
  ): ExportTarget | undefined => {
    if (!isTarget(row.target)) {
      problems.add(
        part,
        `${claim} ${shown(row.target)}, which is not in the taxonomy — claim left out`,
      );
      return undefined;
    }
    const about = `${claim} ${row.target} `;
    const stated = isConfidence(row.confidence) ? row.confidence : null;
    if (stated === null && row.confidence !== null && row.confidence !== undefined)
      problems.add(
        part,
        `${about}has confidence ${shown(row.confidence)}, not ${confidence.expected} — confidence left out`,
      );
    return {
      id: row.target,
      confidence: stated,
      sourceUrls: citedUrls(row.sources, problems, part, about),
    };
  };
  const stateTie = (
    row: TieRow,
    problems: ItemProblems,
    part: ItemPart,
    claim: string,
  ): ExportStateTie | undefined => {
    const checked = tie(row, problems, part, claim, isCountry);
    return checked && { ...checked, country: checked.id };
  };

  return {
    incident(row, sink) {
      const problems = new ItemProblems(sink, 'incident', row.key);
      const props = checkedProps(
        row.props,
        models.incident,
        problems,
        'properties',
        '',
        'incident',
      );
      if (!props) return undefined;
      const organizations = row.organizations
        .map((o) => named(o, problems, 'organizations', 'hit organization', 'link'))
        .filter(present);
      const campaigns = row.campaigns
        .map((k) => named(k, problems, 'campaign', 'part of campaign', 'link'))
        .filter(present);
      const campaign = theOne(campaigns, problems, 'campaign', 'part of a campaign');
      const claims = checkedClaims(row.claims, problems);
      return {
        key: row.key,
        props,
        sectorIds: sectorIds(row.sectorIds, problems, 'targets'),
        countries: row.countries.flatMap((c) => {
          if (isCountry(c.iso2) && typeof c.primary === 'boolean')
            return [{ iso2: c.iso2, primary: c.primary }];
          problems.add(
            'countries',
            isCountry(c.iso2)
              ? `affected country ${c.iso2} with primary ${shown(c.primary)}, not true or false — link left out`
              : `affected country ${shown(c.iso2)}, which is not in the taxonomy — link left out`,
          );
          return [];
        }),
        organizationIds: organizations.map((o) => o.id),
        organizationNames: organizations.map((o) => o.name),
        campaignId: campaign?.id ?? null,
        campaignName: campaign?.name ?? null,
        sourceUrls: citedUrls(row.sources, problems, 'sources'),
        claims,
        impactSourceUrls: citedUrls(row.impactSources, problems, 'sources', 'its impact '),
      };
    },

    actor(row, sink) {
      const problems = new ItemProblems(sink, 'actor', row.key);
      const props = checkedProps(row.props, models.actor, problems, 'properties', '', 'actor');
      if (!props) return undefined;
      const kinds = oneOf(affiliationKinds);
      return {
        key: row.key,
        props,
        origins: row.origins
          .map((t) => stateTie(t, problems, 'origins', 'its origin claim on'))
          .filter(present),
        sponsors: row.sponsors
          .map((t) => stateTie(t, problems, 'sponsors', 'its sponsor claim on'))
          .filter(present),
        affiliations: row.affiliations.flatMap((f) => {
          const other = named(f.actor, problems, 'affiliations', 'affiliated with actor', 'link');
          if (!other) return [];
          if (kinds.holds(f.kind))
            return [{ actorId: other.id, actorName: other.name, kind: String(f.kind) }];
          problems.add(
            'affiliations',
            `affiliated with actor ${shown(other.id)} as ${shown(f.kind)}, not ${kinds.expected} — link left out`,
          );
          return [];
        }),
        targetSectors: row.targetSectors
          .map((t) => tie(t, problems, 'targets', 'its reported target sector', isSector))
          .filter(present),
        targetCountries: row.targetCountries
          .map((t) => tie(t, problems, 'targets', 'its reported target country', isCountry))
          .filter(present),
      };
    },

    organization(row, sink) {
      const problems = new ItemProblems(sink, 'organization', row.key);
      const props = checkedProps(
        row.props,
        models.organization,
        problems,
        'properties',
        '',
        'organization',
      );
      if (!props) return undefined;
      const located = row.countries.filter((c): c is string => {
        if (isCountry(c)) return true;
        problems.add(
          'countries',
          `located in country ${shown(c)}, which is not in the taxonomy — link left out`,
        );
        return false;
      });
      return {
        key: row.key,
        props,
        sectorIds: sectorIds(row.sectorIds, problems, 'in'),
        country: theOne(located, problems, 'countries', 'located in a country') ?? null,
      };
    },

    campaign(row, sink) {
      const problems = new ItemProblems(sink, 'campaign', row.key);
      const props = checkedProps(
        row.props,
        models.campaign,
        problems,
        'properties',
        '',
        'campaign',
      );
      return props && { key: row.key, props, claims: checkedClaims(row.claims, problems) };
    },
    source: (row, sink) => entity(row, 'source', sink),
  };
}

/** A source: a node with properties only. */
function entity(row: EntityRow, kind: 'source', sink: ProblemSink) {
  const problems = new ItemProblems(sink, kind, row.key);
  const props = checkedProps(row.props, models[kind], problems, 'properties', '', kind);
  return props && { key: row.key, props };
}
