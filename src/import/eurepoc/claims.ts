import { formatPartialDate } from '../../domain/partial-date.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { fieldLimits } from '../field-limits.js';
import type { ActorRecord, AttributionRecord } from '../records.js';
import { alignToInitiators, CellError, cellValues, type DropValue } from './cells.js';
import { parseEurepocDate } from './eurepoc-dates.js';
import type { EurepocRow } from './eurepoc-files.js';
import type { ClaimGrade, EurepocVocabulary } from './eurepoc-vocabulary.js';
import { initiatorActor, parseInitiatorName, type InitiatorName } from './initiators.js';

export interface RowClaims {
  claims: AttributionRecord[];
  actors: ActorRecord[];
}

interface ClaimContext {
  taxonomy: Taxonomy;
  vocabulary: EurepocVocabulary;
  /** The incident's sources, which its claims and their actors' origins cite. */
  sourceIds: string[];
  drop: DropValue;
}

/**
 * One row of the attribution file → one claim per initiator it names (usually one), graded by
 * its basis, claimed by whoever it says attributed, when it says, keyed by its attribution_ID.
 */
export function attributionRowClaims(row: EurepocRow, context: ClaimContext): RowClaims {
  const { drop } = context;
  const grade = gradeOf(
    readValues(row, 'attribution_basis', drop),
    readValues(row, 'attribution_type', drop),
    context.vocabulary,
    drop,
  );
  const claimedBy = claimantOf(
    ['attributing_actor', 'attribution_it_company', 'attributing_country'].flatMap((column) =>
      readValues(row, column, drop).map((value) => ({ column, value })),
    ),
    drop,
  );
  const dateText = readValues(row, 'attribution_date', drop)[0];
  const date = dateText === undefined ? undefined : parseEurepocDate(dateText);
  if (date && 'error' in date) drop('attribution_date', date.error, dateText ?? '');
  const assessedAt =
    date && !('error' in date) ? formatPartialDate(date.first, date.precision) : null;
  const key = row.cell('attribution_ID') || null;
  return initiatorClaims(
    {
      names: readValues(row, 'attributed_initiator', drop),
      countries: readValues(row, 'attributed_initiator_country', drop),
      categories: readValues(row, 'attributed_initiator_category', drop),
      subcategories: [],
    },
    { column: 'attributed_initiator', grade, claimedBy, assessedAt, key },
    context,
  );
}

/**
 * An incident that no attribution row names keeps the initiator EuRepoC settled on, as one claim
 * claimed by EuRepoC with the default grade.
 */
export function incidentRowClaims(row: EurepocRow, context: ClaimContext): RowClaims {
  const { drop } = context;
  return initiatorClaims(
    {
      names: readValues(row, 'initiator_name', drop),
      countries: readValues(row, 'initiator_country', drop),
      categories: readValues(row, 'initiator_category', drop),
      subcategories: readValues(row, 'initiator_category_subcode', drop),
    },
    {
      column: 'initiator_name',
      grade: context.vocabulary.defaultClaim,
      claimedBy: 'EuRepoC',
      assessedAt: null,
      key: null,
    },
    context,
  );
}

function initiatorClaims(
  cells: { names: string[]; countries: string[]; categories: string[]; subcategories: string[] },
  claim: {
    column: string;
    grade: ClaimGrade;
    claimedBy: string | null;
    assessedAt: string | null;
    key: string | null;
  },
  context: ClaimContext,
): RowClaims {
  const prefix = claim.column === 'initiator_name' ? 'initiator' : 'attributed_initiator';
  const fields = { country: `${prefix}_country`, category: `${prefix}_category` };
  const names = cells.names.flatMap((text) => parseInitiatorName(text) ?? []);
  if (names.length === 0) return { claims: [], actors: [] };
  const countries = alignToInitiators(names.length, cells.countries);
  const categories = alignToInitiators(names.length, cells.categories);
  const subcategories = alignToInitiators(names.length, cells.subcategories);
  for (const value of countries.unplaced)
    context.drop(fields.country, 'cannot tell which initiator this country is of', value);
  for (const value of categories.unplaced)
    context.drop(fields.category, 'cannot tell which initiator this category is of', value);
  const actors = names.map((name: InitiatorName, i) =>
    initiatorActor(
      {
        name,
        country: countries.aligned[i],
        category: categories.aligned[i],
        subcategory: subcategories.aligned[i],
        sourceIds: context.sourceIds,
        confidence: claim.grade.confidence,
      },
      fields,
      context.taxonomy,
      context.vocabulary,
      context.drop,
    ),
  );
  return {
    actors,
    claims: actors.map((actor) => ({
      actorId: actor.id,
      ...claim.grade,
      claimedBy: claim.claimedBy,
      assessedAt: claim.assessedAt,
      sourceIds: context.sourceIds,
      key: claim.key,
    })),
  };
}

/** The first basis we know grades the claim; failing that the first type; failing that the default. */
function gradeOf(
  bases: string[],
  types: string[],
  vocabulary: EurepocVocabulary,
  drop: DropValue,
): ClaimGrade {
  const graded = [
    ...bases.map((value) => ({
      value,
      field: 'attribution_basis',
      found: vocabulary.attributionBasis(value),
    })),
    ...types.map((value) => ({
      value,
      field: 'attribution_type',
      found: vocabulary.attributionType(value),
    })),
  ];
  for (const { value, field, found } of graded) {
    if (!found) drop(field, `unknown ${field.replace('_', ' ')} in the eurepoc vocabulary`, value);
    else if ('unmapped' in found)
      drop(field, `maps to no basis of ours (${found.unmapped})`, value);
  }
  for (const { found } of graded) if (found && 'value' in found) return found.value;
  return vocabulary.defaultClaim;
}

/** Who attributed, joined with "; " up to the claimant's length limit; the rest is dropped. */
function claimantOf(values: { column: string; value: string }[], drop: DropValue): string | null {
  const kept: string[] = [];
  for (const { column, value } of values) {
    if (kept.includes(value)) continue;
    if ([...kept, value].join('; ').length > fieldLimits.claimedBy)
      drop(column, `the claimant would pass ${fieldLimits.claimedBy} characters`, value);
    else kept.push(value);
  }
  return kept.length > 0 ? kept.join('; ') : null;
}

/** A cell's values; a cell that is not a readable list is dropped whole. */
export function readValues(row: EurepocRow, column: string, drop: DropValue): string[] {
  const cell = row.cell(column);
  try {
    return cellValues(cell);
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    drop(column, error.message, cell);
    return [];
  }
}
