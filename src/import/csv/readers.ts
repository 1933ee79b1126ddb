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
  const errors: string[] = [];
  const compile = <T>(
    where: string,
    spec: FieldSpecLike | undefined,
    vocabulary: Vocabulary<T>,
  ): Reader<T> => (spec ? fieldReader(spec, vocabulary, mapping, where, errors) : undefined);
  const must = <T>(where: string, spec: FieldSpecLike, vocabulary: Vocabulary<T>): FieldReader<T> =>
    fieldReader(spec, vocabulary, mapping, where, errors);
  const places = (where: string, spec: CountryFieldSpec | undefined): Reader<Place> => {
    const reader = compile(where, spec, placeVocabulary(taxonomy));
    if (!reader || spec?.find === undefined) return reader;
    const isName = (phrase: string): boolean =>
      reader.values.has(normaliseValue(phrase)) || taxonomy.resolveCountry(phrase) !== undefined;
    return { ...reader, find: isName };
  };
  const { columns, receivers, claims, actor, impact } = mapping;
  const text = textVocabulary;
  const readers: CsvReaders = {
    id: compile('columns.id', columns.id, text),
    title: must('columns.title', columns.title, text),
    description: compile('columns.description', columns.description, text),
    startDate: must('columns.startDate', columns.startDate, text),
    endDate: compile('columns.endDate', columns.endDate, text),
    sectors: compile(
      'columns.sectors',
      columns.sectors,
      sectorVocabulary(taxonomy, columns.sectors?.vocabulary ?? 'native'),
    ),
    countries: places('columns.countries', columns.countries),
    attackTypes: compile(
      'columns.attackTypes',
      columns.attackTypes,
      attackTypeVocabulary(taxonomy, columns.attackTypes?.vocabulary ?? 'native'),
    ),
    actors: compile(
      'columns.actors',
      columns.actors,
      actorNameVocabulary(columns.actors?.ignore ?? [], columns.actors?.maxWords),
    ),
    sources: must('columns.sources', columns.sources, urlVocabulary),
    organizations: compile('columns.organizations', columns.organizations, text),
    receivers: {
      countries: places('receivers.countries', receivers?.countries),
      sectors: compile(
        'receivers.sectors',
        receivers?.sectors,
        sectorVocabulary(taxonomy, receivers?.sectors?.vocabulary ?? 'native'),
      ),
      organizations: compile('receivers.organizations', receivers?.organizations, text),
    },
    claims: {
      confidence: compile('claims.confidence', claims?.confidence, confidenceVocabulary),
      basis: compile('claims.basis', claims?.basis, basisVocabulary),
      status: compile('claims.status', claims?.status, statusVocabulary),
      claimedBy: compile('claims.claimedBy', claims?.claimedBy, text),
      assessedAt: compile('claims.assessedAt', claims?.assessedAt, text),
    },
    actor: {
      origin: compile('actor.origin', actor?.origin, countryVocabulary(taxonomy)),
      sponsors: compile('actor.sponsors', actor?.sponsors, countryVocabulary(taxonomy)),
      type: compile('actor.type', actor?.type, actorTypeVocabulary),
      aliases: compile('actor.aliases', actor?.aliases, text),
    },
    impact: {
      categories: compile('impact.categories', impact?.categories, impactCategoryVocabulary),
      descriptions: compile('impact.descriptions', impact?.descriptions, text),
      unweightedIntensity: compile(
        'impact.unweightedIntensity',
        impact?.unweightedIntensity,
        numberVocabulary,
      ),
      weightedIntensity: compile(
        'impact.weightedIntensity',
        impact?.weightedIntensity,
        numberVocabulary,
      ),
      targetMultiplier: compile('impact.targetMultiplier', impact?.targetMultiplier, text),
      functional: compile('impact.functional', impact?.functional, text),
      intelligence: compile('impact.intelligence', impact?.intelligence, text),
      political: Object.entries(impact?.political ?? {}).map(([measure, spec]) => ({
        measure,
        reader: must(`impact.political.${measure}`, spec, text),
      })),
      economic: compile('impact.economic', impact?.economic, text),
      economicValue: compile('impact.economicValue', impact?.economicValue, numberVocabulary),
      economicCurrency: compile('impact.economicCurrency', impact?.economicCurrency, text),
      casualties: compile('impact.casualties', impact?.casualties, text),
    },
  };
  return errors.length > 0 ? { errors } : { readers };
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
