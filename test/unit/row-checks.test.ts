import { describe, expect, it } from 'vitest';
import type { ExportProblem } from '../../src/export/export-report.js';
import { rowChecks } from '../../src/export/row-checks.js';
import type { ActorRow, IncidentRow } from '../../src/repositories/export-repository.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const checks = rowChecks(loadTaxonomy());
const cited = (id: string) => ({ id, url: `https://example.org/${id}` });
const claim = (actor: string, extra: Record<string, unknown> = {}) => ({
  props: { confidence: 85, basis: 'GOVERNMENT', status: 'ATTRIBUTED', ...extra },
  actor: { id: actor, name: actor.toUpperCase() },
  sources: [cited('src-a')],
});
const incident = (overrides: Partial<IncidentRow> = {}): IncidentRow => ({
  key: 'blackout',
  props: { id: 'blackout', title: 'Blackout', startDate: '2015-12-23', datePrecision: 'DAY' },
  sectorIds: ['electricity'],
  countries: [{ iso2: 'UA', primary: true }],
  organizations: [{ id: 'kyivoblenergo', name: 'Kyivoblenergo' }],
  campaigns: [{ id: 'blackouts', name: 'Blackouts' }],
  sources: [cited('src-a')],
  claims: [claim('sandworm')],
  impactSources: [],
  ...overrides,
});
const actor = (overrides: Partial<ActorRow> = {}): ActorRow => ({
  key: 'sandworm',
  props: { id: 'sandworm', name: 'Sandworm', aliases: ['Voodoo Bear'] },
  origins: [{ target: 'RU', confidence: 85, sources: [cited('src-a')] }],
  sponsors: [],
  affiliations: [{ actor: { id: 'apt28', name: 'APT28' }, kind: 'COOPERATES' }],
  targetSectors: [{ target: 'electricity', confidence: null, sources: [cited('src-b')] }],
  targetCountries: [],
  ...overrides,
});

/** Runs a check, returning what it kept and the messages it reported. */
function checked<R, C>(check: (row: R, sink: (p: ExportProblem) => void) => C, row: R) {
  const problems: ExportProblem[] = [];
  const kept = check(row, (p) => problems.push(p));
  return { kept, problems: problems.map((p) => `${p.part}: ${p.message}`) };
}

describe('export row checks', () => {
  it('pass a consistent row through whole, reporting nothing', () => {
    const { kept, problems } = checked(checks.incident, incident());
    expect(problems).toEqual([]);
    expect(kept).toMatchObject({
      key: 'blackout',
      sectorIds: ['electricity'],
      countries: [{ iso2: 'UA', primary: true }],
      organizationIds: ['kyivoblenergo'],
      organizationNames: ['Kyivoblenergo'],
      campaignId: 'blackouts',
      campaignName: 'Blackouts',
      sourceUrls: ['https://example.org/src-a'],
      claims: [{ actorId: 'sandworm', actorName: 'SANDWORM', confidence: 85 }],
    });
    expect(checked(checks.actor, actor()).problems).toEqual([]);
  });

  it('leave out a node without what identifies it', () => {
    const untitled = incident({
      props: { id: 'blackout', startDate: '2015-12-23', datePrecision: 'DAY' },
    });
    expect(checked(checks.incident, untitled)).toEqual({
      kept: undefined,
      problems: ['item: incident "blackout": has no title — incident left out'],
    });
    const undated = incident({
      props: { id: 'blackout', title: 'Blackout', startDate: 2015, datePrecision: 'DAY' },
    });
    expect(checked(checks.incident, undated).problems).toEqual([
      'item: incident "blackout": has startDate 2015, not a date — incident left out',
    ]);
    expect(
      checked(checks.actor, actor({ props: { id: 'sandworm', name: '  ' } })).problems,
    ).toEqual(['item: actor "sandworm": has name "  ", not a non-empty text — actor left out']);
    expect(checked(checks.source, { key: 'src-x', props: { id: 'src-x' } }).problems).toEqual([
      'item: source "src-x": has no url — source left out',
    ]);
  });

  it('leave out a property of the wrong type, keeping the node', () => {
    const { kept, problems } = checked(
      checks.incident,
      incident({
        props: {
          id: 'blackout',
          title: 'Blackout',
          startDate: '2015-12-23',
          datePrecision: 'DAY',
          recordsAffected: 'many',
          objective: 'FUN',
        },
      }),
    );
    expect(problems).toEqual([
      'properties: incident "blackout": has recordsAffected "many", not a number of at least 0 — property left out',
      'properties: incident "blackout": has objective "FUN", not one of ESPIONAGE, DISRUPTION, DESTRUCTION, FINANCIAL_GAIN, INFLUENCE, UNKNOWN — property left out',
    ]);
    expect(kept?.props).toEqual({
      id: 'blackout',
      title: 'Blackout',
      startDate: '2015-12-23',
      datePrecision: 'DAY',
    });
  });

  it('leave out links to what is missing, unnamed or outside the taxonomy', () => {
    const { kept, problems } = checked(
      checks.incident,
      incident({
        sectorIds: ['electricity', 'made-up', null],
        countries: [
          { iso2: 'UA', primary: true },
          { iso2: null, primary: false },
          { iso2: 'PL', primary: 'yes' },
        ],
        organizations: [{ id: 'nameless', name: null }],
        campaigns: [
          { id: 'blackouts', name: 'Blackouts' },
          { id: 'other', name: 'Other' },
        ],
        sources: [cited('src-a'), { id: 'src-gone', url: null }],
        claims: [
          claim('sandworm', { sourceIds: ['src-a', 'src-missing'] }),
          { ...claim('ghost'), actor: { id: 'ghost', name: null } },
          claim('apt28', { confidence: 'high' }),
        ],
      }),
    );
    // The rows' sources show what the query found: src-missing is cited but absent.
    expect(kept).toMatchObject({
      sectorIds: ['electricity'],
      countries: [{ iso2: 'UA', primary: true }],
      organizationIds: [],
      campaignId: 'blackouts',
      sourceUrls: ['https://example.org/src-a'],
    });
    expect(kept?.claims.map((c) => c.actorId)).toEqual(['sandworm']);
    expect(problems).toEqual([
      'organizations: incident "blackout": hit organization "nameless", which has no name — link left out',
      'campaign: incident "blackout": part of a campaign 2 times where the model allows one — the first kept, 1 left out',
      'claims: incident "blackout": a claim names actor "ghost", which has no name — claim left out',
      'claims: incident "blackout": the claim on actor "apt28" has confidence "high", not a whole number from 0 to 100 — claim left out',
      'sectors: incident "blackout": targets sector "made-up", which is not in the taxonomy — link left out',
      'sectors: incident "blackout": targets sector null, which is not in the taxonomy — link left out',
      'countries: incident "blackout": affected country null, which is not in the taxonomy — link left out',
      'countries: incident "blackout": affected country PL with primary "yes", not true or false — link left out',
      'sources: incident "blackout": cites source "src-gone", which does not exist or has no URL — citation left out',
    ]);
  });

  it("leave out an actor's claims and links to what cannot be written", () => {
    const { kept, problems } = checked(
      checks.actor,
      actor({
        origins: [
          { target: 'XX', confidence: 85, sources: [] },
          { target: 'RU', confidence: 'likely', sources: [{ id: 'src-gone', url: null }] },
        ],
        affiliations: [
          { actor: { id: 'apt28', name: 'APT28' }, kind: null },
          { actor: { id: null, name: null }, kind: 'SUBGROUP' },
        ],
        targetSectors: [{ target: 'made-up', confidence: 50, sources: [] }],
      }),
    );
    expect(kept).toMatchObject({
      origins: [{ country: 'RU', confidence: null, sourceUrls: [] }],
      affiliations: [],
      targetSectors: [],
    });
    expect(problems).toEqual([
      'origins: actor "sandworm": its origin claim on "XX", which is not in the taxonomy — claim left out',
      'origins: actor "sandworm": its origin claim on RU has confidence "likely", not a whole number from 0 to 100 — confidence left out',
      'origins: actor "sandworm": its origin claim on RU cites source "src-gone", which does not exist or has no URL — citation left out',
      'affiliations: actor "sandworm": affiliated with actor "apt28" as null, not one of SUBGROUP, ALIAS_OF, COOPERATES — link left out',
      'affiliations: actor "sandworm": affiliated with actor without an id — link left out',
      'targets: actor "sandworm": its reported target sector "made-up", which is not in the taxonomy — claim left out',
    ]);
  });
});
