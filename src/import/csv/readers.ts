import type { ActorType, ImpactCategory } from '../../domain/vocabulary.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { normaliseValue } from './cells.js';
import { fieldReader, type FieldReader, type FieldSpecLike } from './field-reader.js';
import type { CountryFieldSpec, CsvMapping } from './mapping.js';
import {
  actorNameVocabulary,
  actorTypeVocabulary,
  attackTypeVocabulary,
  basisVocabulary,
  confidenceVocabulary,
  countryVocabulary,
  impactCategoryVocabulary,
  numberVocabulary,
  placeVocabulary,
  sectorVocabulary,
  statusVocabulary,
  textVocabulary,
  urlVocabulary,
  type Place,
  type Vocabulary,
} from './vocabularies.js';

type Reader<T> = FieldReader<T> | undefined;

/** Every field of a mapping, compiled into the reader that reads it from a row. */
export interface CsvReaders {
  id: Reader<string>;
  title: FieldReader<string>;
  description: Reader<string>;
  startDate: FieldReader<string>;
  endDate: Reader<string>;
  sectors: Reader<string>;
  countries: Reader<Place>;
  attackTypes: Reader<string>;
  actors: Reader<string>;
  sources: FieldReader<string>;
  organizations: Reader<string>;
  receivers: {
    countries: Reader<Place>;
    sectors: Reader<string>;
    organizations: Reader<string>;
  };
  claims: {
    confidence: Reader<number>;
    basis: Reader<string>;
    status: Reader<string>;
    claimedBy: Reader<string>;
    assessedAt: Reader<string>;
  };
  actor: {
    origin: Reader<string>;
    sponsors: Reader<string>;
    type: Reader<ActorType>;
    aliases: Reader<string>;
  };
  impact: {
    categories: Reader<ImpactCategory>;
    descriptions: Reader<string>;
    unweightedIntensity: Reader<number>;
    weightedIntensity: Reader<number>;
    targetMultiplier: Reader<string>;
    functional: Reader<string>;
    intelligence: Reader<string>;
    political: { measure: string; reader: FieldReader<string> }[];
    economic: Reader<string>;
    economicValue: Reader<number>;
    economicCurrency: Reader<string>;
    casualties: Reader<string>;
  };
}

/**
 * Compiles the mapping against the taxonomy. Mistakes in it (a value map pointing at a sector we
 * do not have) come back as errors, all of them, before any row is read.
 */
export function compileReaders(
  mapping: CsvMapping,
  taxonomy: Taxonomy,
): { readers: CsvReaders } | { errors: string[] } {
  const compiler = fieldCompiler(mapping, taxonomy);
  const readers: CsvReaders = {
    ...incidentReaders(compiler),
    receivers: receiverReaders(compiler),
    claims: claimReaders(compiler),
    actor: actorReaders(compiler),
    impact: impactReaders(compiler),
  };
  const { errors } = compiler;
  return errors.length > 0 ? { errors } : { readers };
}

/** Compiles the mapping's fields one by one, gathering the mistakes of all of them in `errors`. */
interface FieldCompiler {
  readonly mapping: CsvMapping;
  readonly taxonomy: Taxonomy;
  readonly errors: string[];
  /** The reader of a field the mapping may leave out. */
  readonly optional: <T>(
    where: string,
    spec: FieldSpecLike | undefined,
    vocabulary: Vocabulary<T>,
  ) => Reader<T>;
  readonly required: <T>(
    where: string,
    spec: FieldSpecLike,
    vocabulary: Vocabulary<T>,
  ) => FieldReader<T>;
  /** Countries and regions; with `find`, scanned for in prose by the names the field knows. */
  readonly places: (where: string, spec: CountryFieldSpec | undefined) => Reader<Place>;
}

function fieldCompiler(mapping: CsvMapping, taxonomy: Taxonomy): FieldCompiler {
  const errors: string[] = [];
  const required = <T>(where: string, spec: FieldSpecLike, vocabulary: Vocabulary<T>) =>
    fieldReader(spec, vocabulary, mapping, where, errors);
  const optional = <T>(
    where: string,
    spec: FieldSpecLike | undefined,
    vocabulary: Vocabulary<T>,
  ) => (spec ? required(where, spec, vocabulary) : undefined);
  const places = (where: string, spec: CountryFieldSpec | undefined): Reader<Place> => {
    const reader = optional(where, spec, placeVocabulary(taxonomy));
    if (!reader || spec?.find === undefined) return reader;
    const isName = (phrase: string): boolean =>
      reader.values.has(normaliseValue(phrase)) || taxonomy.resolveCountry(phrase) !== undefined;
    return { ...reader, find: isName };
  };
  return { mapping, taxonomy, errors, optional, required, places };
}

type IncidentReaders = Omit<CsvReaders, 'receivers' | 'claims' | 'actor' | 'impact'>;

function incidentReaders(compiler: FieldCompiler): IncidentReaders {
  const { mapping, taxonomy, optional, required, places } = compiler;
  const { columns } = mapping;
  const text = textVocabulary;
  return {
    id: optional('columns.id', columns.id, text),
    title: required('columns.title', columns.title, text),
    description: optional('columns.description', columns.description, text),
    startDate: required('columns.startDate', columns.startDate, text),
    endDate: optional('columns.endDate', columns.endDate, text),
    sectors: optional(
      'columns.sectors',
      columns.sectors,
      sectorVocabulary(taxonomy, columns.sectors?.vocabulary ?? 'native'),
    ),
    countries: places('columns.countries', columns.countries),
    attackTypes: optional(
      'columns.attackTypes',
      columns.attackTypes,
      attackTypeVocabulary(taxonomy, columns.attackTypes?.vocabulary ?? 'native'),
    ),
    actors: optional(
      'columns.actors',
      columns.actors,
      actorNameVocabulary(columns.actors?.ignore ?? [], columns.actors?.maxWords),
    ),
    sources: required('columns.sources', columns.sources, urlVocabulary),
    organizations: optional('columns.organizations', columns.organizations, text),
  };
}

function receiverReaders(compiler: FieldCompiler): CsvReaders['receivers'] {
  const { mapping, taxonomy, optional, places } = compiler;
  const { receivers } = mapping;
  return {
    countries: places('receivers.countries', receivers?.countries),
    sectors: optional(
      'receivers.sectors',
      receivers?.sectors,
      sectorVocabulary(taxonomy, receivers?.sectors?.vocabulary ?? 'native'),
    ),
    organizations: optional('receivers.organizations', receivers?.organizations, textVocabulary),
  };
}

function claimReaders(compiler: FieldCompiler): CsvReaders['claims'] {
  const { mapping, optional } = compiler;
  const { claims } = mapping;
  return {
    confidence: optional('claims.confidence', claims?.confidence, confidenceVocabulary),
    basis: optional('claims.basis', claims?.basis, basisVocabulary),
    status: optional('claims.status', claims?.status, statusVocabulary),
    claimedBy: optional('claims.claimedBy', claims?.claimedBy, textVocabulary),
    assessedAt: optional('claims.assessedAt', claims?.assessedAt, textVocabulary),
  };
}

function actorReaders(compiler: FieldCompiler): CsvReaders['actor'] {
  const { mapping, taxonomy, optional } = compiler;
  const { actor } = mapping;
  return {
    origin: optional('actor.origin', actor?.origin, countryVocabulary(taxonomy)),
    sponsors: optional('actor.sponsors', actor?.sponsors, countryVocabulary(taxonomy)),
    type: optional('actor.type', actor?.type, actorTypeVocabulary),
    aliases: optional('actor.aliases', actor?.aliases, textVocabulary),
  };
}

function impactReaders(compiler: FieldCompiler): CsvReaders['impact'] {
  const { mapping, optional, required } = compiler;
  const { impact } = mapping;
  const text = textVocabulary;
  const number = numberVocabulary;
  return {
    categories: optional('impact.categories', impact?.categories, impactCategoryVocabulary),
    descriptions: optional('impact.descriptions', impact?.descriptions, text),
    unweightedIntensity: optional(
      'impact.unweightedIntensity',
      impact?.unweightedIntensity,
      number,
    ),
    weightedIntensity: optional('impact.weightedIntensity', impact?.weightedIntensity, number),
    targetMultiplier: optional('impact.targetMultiplier', impact?.targetMultiplier, text),
    functional: optional('impact.functional', impact?.functional, text),
    intelligence: optional('impact.intelligence', impact?.intelligence, text),
    political: Object.entries(impact?.political ?? {}).map(([measure, spec]) => ({
      measure,
      reader: required(`impact.political.${measure}`, spec, text),
    })),
    economic: optional('impact.economic', impact?.economic, text),
    economicValue: optional('impact.economicValue', impact?.economicValue, number),
    economicCurrency: optional('impact.economicCurrency', impact?.economicCurrency, text),
    casualties: optional('impact.casualties', impact?.casualties, text),
  };
}

/** Every column a mapping names, with the field naming it, to check against the header. */
export function namedColumns(readers: CsvReaders): { where: string; column: string }[] {
  const { receivers, claims, actor, impact } = readers;
  const all: Reader<unknown>[] = [
    readers.id,
    readers.title,
    readers.description,
    readers.startDate,
    readers.endDate,
    readers.sectors,
    readers.countries,
    readers.attackTypes,
    readers.actors,
    readers.sources,
    readers.organizations,
    receivers.countries,
    receivers.sectors,
    receivers.organizations,
    claims.confidence,
    claims.basis,
    claims.status,
    claims.claimedBy,
    claims.assessedAt,
    actor.origin,
    actor.sponsors,
    actor.type,
    actor.aliases,
    impact.categories,
    impact.descriptions,
    impact.unweightedIntensity,
    impact.weightedIntensity,
    impact.targetMultiplier,
    impact.functional,
    impact.intelligence,
    impact.economic,
    impact.economicValue,
    impact.economicCurrency,
    impact.casualties,
    ...impact.political.map((p) => p.reader),
  ];
  return all.flatMap((reader) =>
    reader ? reader.columns.map((column) => ({ where: reader.where, column })) : [],
  );
}
