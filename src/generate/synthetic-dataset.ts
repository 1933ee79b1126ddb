import type { Writable } from 'node:stream';
import { formatPartialDate } from '../domain/partial-date.js';
import type { ActorType, DatePrecision } from '../domain/vocabulary.js';
import { put } from '../export/output.js';
import { DATASET_FORMAT } from '../import/native/format.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { sizesOf, type GenerateOptions, type Sizes } from './profiles.js';
import { Draw, Zipf } from './random.js';

/**
 * A synthetic graph in the native dataset format, shaped like the curated seeds (their measured
 * proportions are the weights below): heavy-tailed activity per actor, skewed sectors and
 * countries, mostly cross-border incidents, several claims of differing confidence, dates over
 * years at mixed precision. Streamed: only actors and campaigns are held (thousands); every other
 * record is made from its index when written, so a million incidents take no more memory than ten.
 */

/** Record kinds, each its own random stream (see Draw). */
const KIND = { order: 1, actor: 2, campaign: 3, organization: 4, incident: 5, source: 6 } as const;

/** Actor origins in the seeds, most frequent first, with a tail of other states. */
const ORIGINS = [
  ['RU', 30],
  ['CN', 20],
  ['KP', 8],
  ['IR', 8],
  ['UA', 6],
  ['BY', 3],
  ['US', 3],
  ['IL', 2],
  ['VN', 2],
  ['PK', 2],
  ['IN', 2],
  ['TR', 2],
  ['LB', 1],
  ['SY', 1],
  ['GB', 1],
] as const;
/** The most hit victim countries lead the ranking; the rest of the world follows in a seeded order. */
const HEAD_VICTIMS = ['UA', 'US', 'GB', 'DE', 'FR', 'PL', 'IT', 'NL', 'CA', 'AU', 'JP', 'KR'];
const ACTOR_TYPES: readonly (readonly [ActorType, number])[] = [
  ['CRIMINAL', 35],
  ['HACKTIVIST', 28],
  ['STATE', 22],
  ['STATE_SPONSORED', 8],
  ['UNKNOWN', 7],
];
const MOTIVATIONS: Record<ActorType, string[]> = {
  CRIMINAL: ['FINANCIAL'],
  HACKTIVIST: ['HACKTIVISM', 'DISRUPTION'],
  STATE: ['ESPIONAGE', 'SABOTAGE'],
  STATE_SPONSORED: ['ESPIONAGE', 'INFLUENCE'],
  UNKNOWN: [],
};
const OBJECTIVES: Record<ActorType, readonly (readonly [string, number])[]> = {
  CRIMINAL: [
    ['FINANCIAL_GAIN', 9],
    ['UNKNOWN', 1],
  ],
  HACKTIVIST: [
    ['DISRUPTION', 6],
    ['INFLUENCE', 3],
    ['UNKNOWN', 1],
  ],
  STATE: [
    ['ESPIONAGE', 5],
    ['DISRUPTION', 3],
    ['DESTRUCTION', 2],
  ],
  STATE_SPONSORED: [
    ['ESPIONAGE', 6],
    ['INFLUENCE', 2],
    ['DISRUPTION', 2],
  ],
  UNKNOWN: [['UNKNOWN', 1]],
};
/** What each kind of actor mostly does; others come from the overall ranking. */
const SIGNATURE_ATTACKS: Partial<Record<ActorType, string>> = {
  CRIMINAL: 'RANSOMWARE',
  HACKTIVIST: 'DDOS',
  STATE: 'ESPIONAGE',
};
const WORDS_A = ['Amber', 'Cobalt', 'Crimson', 'Silent', 'Iron', 'Velvet', 'Hollow', 'Northern'];
const WORDS_B = ['Falcon', 'Lynx', 'Tempest', 'Harbor', 'Viper', 'Meridian', 'Quartz', 'Bear'];
const PUBLISHERS = ['National CERT', 'Threat Intel Vendor', 'Newswire', 'University Lab'];

interface ActorShape {
  id: string;
  name: string;
  type: ActorType;
  origin: string | null;
  sectors: string[];
  campaigns: number[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Writes a synthetic dataset to `out`; returns how many records of each kind it wrote. */
export async function writeSyntheticDataset(
  options: GenerateOptions,
  taxonomy: Taxonomy,
  out: Writable,
  onProgress: (incidentsWritten: number) => void = () => undefined,
): Promise<Sizes> {
  const sizes = sizesOf(options);
  const world = new World(sizes, taxonomy);
  const section = async (name: string, count: number, make: (index: number) => object) => {
    await put(out, `,\n  ${JSON.stringify(name)}: [`);
    for (let index = 0; index < count; index += 1) {
      await put(out, `${index === 0 ? '' : ','}\n    ${JSON.stringify(make(index))}`);
      if (name === 'incidents' && (index + 1) % 10_000 === 0) onProgress(index + 1);
    }
    await put(out, count === 0 ? ']' : '\n  ]');
  };
  await put(
    out,
    `{\n  "format": ${JSON.stringify(DATASET_FORMAT)},\n  "description": ${JSON.stringify(
      `Synthetic: ${sizes.incidents} incidents, ${sizes.actors} actors, seed ${sizes.seed}`,
    )}`,
  );
  await section('actors', sizes.actors, (i) => world.actor(i));
  await section('campaigns', sizes.campaigns, (i) => world.campaign(i));
  await section('organizations', sizes.organizations, (i) => world.organization(i));
  await section('incidents', sizes.incidents, (i) => world.incident(i));
  await section('sources', sizes.sources, (i) => world.source(i));
  await put(out, '\n}\n');
  onProgress(sizes.incidents);
  return sizes;
}

/** The generator's fixed choices for one run: rankings, and the actors and campaigns it keeps. */
class World {
  private readonly sectorIds: string[];
  private readonly countryCodes: string[];
  private readonly attackTypes: string[];
  private readonly actorRank: Zipf;
  private readonly sectorRank: Zipf;
  private readonly countryRank: Zipf;
  private readonly attackRank: Zipf;
  private readonly actors: ActorShape[] = [];
  private readonly campaignOwners: number[] = [];

  constructor(
    private readonly sizes: Sizes,
    taxonomy: Taxonomy,
  ) {
    const order = new Draw(sizes.seed, KIND.order, 0);
    const shuffled = <T>(items: T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = order.int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    };
    this.sectorIds = shuffled(taxonomy.sectors.map((s) => s.id));
    const rest = taxonomy.countries.map((c) => c.iso2).filter((c) => !HEAD_VICTIMS.includes(c));
    this.countryCodes = [...HEAD_VICTIMS, ...shuffled(rest)];
    this.attackTypes = shuffled(taxonomy.attackTypes.map((t) => t.id));
    this.actorRank = new Zipf(sizes.actors, 1.0);
    this.sectorRank = new Zipf(this.sectorIds.length, 1.1);
    this.countryRank = new Zipf(this.countryCodes.length, 1.3);
    this.attackRank = new Zipf(this.attackTypes.length, 0.8);
    for (let a = 0; a < sizes.actors; a += 1) this.actors.push(this.actorShape(a));
    for (let c = 0; c < sizes.campaigns; c += 1) {
      const owner = this.actorRank.rank(new Draw(sizes.seed, KIND.campaign, c));
      this.campaignOwners.push(owner);
      this.actors[owner]?.campaigns.push(c);
    }
  }

  private sector(draw: Draw): string {
    return this.sectorIds[this.sectorRank.rank(draw)] ?? 'energy';
  }

  private country(draw: Draw): string {
    return this.countryCodes[this.countryRank.rank(draw)] ?? 'UA';
  }

  private sourceUrl(index: number): string {
    return `https://reports.synthetic.example/${pad(index, 7)}`;
  }

  private sourceOf(draw: Draw): string {
    return this.sourceUrl(draw.int(0, this.sizes.sources - 1));
  }

  private actorShape(a: number): ActorShape {
    const draw = new Draw(this.sizes.seed, KIND.actor, a);
    const type = draw.weighted(ACTOR_TYPES);
    const hasOrigin =
      type === 'STATE' || type === 'STATE_SPONSORED'
        ? true
        : type === 'UNKNOWN'
          ? false
          : draw.chance(type === 'CRIMINAL' ? 0.5 : 0.6);
    const sectors = [this.sector(draw), this.sector(draw), this.sector(draw)];
    return {
      id: `actor-${pad(a, 5)}`,
      name: `${draw.pick(WORDS_A)} ${draw.pick(WORDS_B)} ${a}`,
      type,
      origin: hasOrigin ? draw.weighted(ORIGINS) : null,
      sectors: [...new Set(sectors)],
      campaigns: [],
    };
  }

  actor(a: number): object {
    const shape = this.actors[a];
    if (!shape) throw new Error(`no actor ${a}`);
    // A second stream for the actor's details, so its shape (drawn above) stays as it was.
    const draw = new Draw(this.sizes.seed, KIND.actor, a + this.sizes.actors);
    const claim = (country: string) => ({
      country,
      confidence: draw.weighted([
        [85, 5],
        [50, 4],
        [15, 1],
      ]),
      sources: [this.sourceOf(draw)],
    });
    const firstYear = draw.int(2005, 2020);
    return {
      id: shape.id,
      name: shape.name,
      aliases: [
        `TA${pad(a, 5)}`,
        ...(draw.chance(0.5) ? [`${shape.name.split(' ')[1]}-${a}`] : []),
      ],
      type: shape.type,
      motivations: MOTIVATIONS[shape.type],
      description: `A synthetic ${shape.type.toLowerCase().replace('_', '-')} actor.`,
      firstSeen: String(firstYear),
      externalIds: [`SYN-A${pad(a, 5)}`],
      ...(shape.origin ? { origin: claim(shape.origin) } : {}),
      sponsors:
        shape.origin && (shape.type === 'STATE_SPONSORED' || draw.chance(0.2))
          ? [claim(shape.origin)]
          : [],
      affiliations:
        a > 0 && draw.chance(0.05)
          ? [
              {
                actor: `actor-${pad(draw.int(0, a - 1), 5)}`,
                kind: draw.pick(['COOPERATES', 'SUBGROUP']),
              },
            ]
          : [],
      ...(draw.chance(0.3)
        ? {
            targets: {
              sectors: shape.sectors,
              countries: [...new Set([this.country(draw), this.country(draw)])],
              confidence: 50,
              sources: [this.sourceOf(draw)],
            },
          }
        : {}),
    };
  }

  campaign(c: number): object {
    const draw = new Draw(this.sizes.seed, KIND.campaign, c + this.sizes.campaigns);
    const owner = this.actors[this.campaignOwners[c] ?? 0];
    const start = draw.int(2012, 2024);
    return {
      id: `campaign-${pad(c, 5)}`,
      name: `${owner?.name ?? 'Unknown'} operation ${c}`,
      startDate: `${start}-${pad(draw.int(1, 12), 2)}`,
      endDate: String(Math.min(2025, start + draw.int(0, 2))),
    };
  }

  organization(o: number) {
    const draw = new Draw(this.sizes.seed, KIND.organization, o);
    return {
      id: `org-${pad(o, 7)}`,
      name: `${draw.pick(WORDS_A)} ${draw.pick(['Grid', 'Health', 'Water', 'Telecom', 'Bank', 'Ministry', 'Port'])} ${o}`,
      sectors: [this.sector(draw)],
      country: this.country(draw),
    };
  }

  source(k: number): object {
    const draw = new Draw(this.sizes.seed, KIND.source, k);
    return {
      url: this.sourceUrl(k),
      title: `Synthetic report ${k}`,
      publisher: draw.pick(PUBLISHERS),
      publishedAt: String(draw.int(2010, 2025)),
    };
  }

  incident(k: number): object {
    const draw = new Draw(this.sizes.seed, KIND.incident, k);
    const claimCount = draw.weighted([
      [0, 19],
      [1, 63],
      [2, 15],
      [3, 2],
      [4, 1],
    ]);
    const actors: ActorShape[] = [];
    for (let tries = 0; actors.length < claimCount && tries < claimCount * 4; tries += 1) {
      const actor = this.actors[this.actorRank.rank(draw)];
      if (actor && !actors.includes(actor)) actors.push(actor);
    }
    const lead = actors[0];
    const type = lead?.type ?? 'UNKNOWN';

    // Victims: an organization's country and sector when one is named; a domestic incident is
    // rare (one in sixteen, about the seeds' share), as trackers mostly see attacks abroad.
    const organization = draw.chance(0.6)
      ? this.organization(draw.int(0, this.sizes.organizations - 1))
      : null;
    let primary = organization?.country ?? this.country(draw);
    if (!organization && lead?.origin && draw.chance(0.06)) primary = lead.origin;
    else if (!organization && primary === lead?.origin) primary = this.country(draw);
    const extra = draw.weighted([
      [0, 85],
      [1, 10],
      [2, 3],
      [4, 2],
    ]);
    const countries = [primary];
    for (let i = 0; i < extra; i += 1) countries.push(this.country(draw));

    const sectorCount = draw.weighted([
      [1, 59],
      [2, 30],
      [3, 6],
      [4, 4],
      [5, 1],
    ]);
    const sectors = organization ? [...organization.sectors] : [];
    while (sectors.length < sectorCount)
      sectors.push(lead && draw.chance(0.7) ? draw.pick(lead.sectors) : this.sector(draw));

    const signature = SIGNATURE_ATTACKS[type];
    const attackTypes = [
      signature && draw.chance(0.5)
        ? signature
        : (this.attackTypes[this.attackRank.rank(draw)] ?? 'OTHER'),
      ...(draw.chance(0.3) ? [this.attackTypes[this.attackRank.rank(draw)] ?? 'OTHER'] : []),
    ];

    // More incidents in later years, as reporting grew; precision as mixed as the trackers'.
    const year = 2010 + Math.floor(16 * Math.sqrt(draw.next()));
    const month = draw.int(1, 12);
    const day = draw.int(1, 28);
    const precision = draw.weighted<DatePrecision>([
      ['DAY', 55],
      ['MONTH', 35],
      ['YEAR', 10],
    ]);
    const start = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    const endDay = new Date(Date.UTC(year, month - 1, day + Math.floor(draw.next() ** 3 * 400)));
    const end = draw.chance(0.48) ? endDay.toISOString().slice(0, 10) : null;

    const sourceCount = draw.weighted([
      [1, 59],
      [2, 32],
      [3, 7],
      [4, 2],
    ]);
    const sources = [...new Set(Array.from({ length: sourceCount }, () => this.sourceOf(draw)))];
    const campaign =
      lead && lead.campaigns.length > 0 && draw.chance(0.36) ? draw.pick(lead.campaigns) : null;
    const ransomware = attackTypes.includes('RANSOMWARE') && draw.chance(0.3);

    return {
      id: `inc-${pad(k, 7)}`,
      title: `${attackTypes[0]?.toLowerCase().replace(/_/g, ' ')} against ${organization?.name ?? `a ${sectors[0] ?? 'victim'} target`} in ${primary}`,
      startDate: formatPartialDate(start, precision),
      ...(end && end > start ? { endDate: formatPartialDate(end, precision) } : {}),
      attackTypes: [...new Set(attackTypes)],
      objective: draw.weighted(OBJECTIVES[type]),
      ...(ransomware ? { impact: { ransomDemandedUsd: draw.int(1, 500) * 10_000 } } : {}),
      sectors: [...new Set(sectors)],
      countries: [...new Set(countries)].map((country) => ({
        country,
        primary: country === primary,
      })),
      organizations: organization ? [organization.id] : [],
      ...(campaign !== null ? { campaign: `campaign-${pad(campaign, 5)}` } : {}),
      sources,
      attributions: actors.map((actor, i) => {
        const selfClaimed = actor.type === 'HACKTIVIST' && draw.chance(0.5);
        const confidence = draw.weighted([
          [85, i === 0 ? 52 : 20],
          [50, 36],
          [15, 6],
          [70, 4],
          [30, 2],
        ]);
        return {
          actor: actor.id,
          confidence,
          basis: selfClaimed
            ? 'SELF_CLAIMED'
            : draw.weighted([
                ['SECURITY_INDUSTRY', 50],
                ['GOVERNMENT', 30],
                ['MEDIA', 15],
                ['ACADEMIC', 5],
              ]),
          status: selfClaimed ? 'CLAIMED' : confidence >= 85 ? 'ATTRIBUTED' : 'SUSPECTED',
          ...(selfClaimed ? { claimedBy: actor.name } : {}),
          assessedAt: String(Math.min(2025, year + draw.int(0, 1))),
          sources: [sources[0] ?? this.sourceOf(draw)],
        };
      }),
      externalIds: [`SYN-I${pad(k, 7)}`],
    };
  }
}
