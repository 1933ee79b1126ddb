import type { ImpactRecord } from '../records.js';
import type { StixCitations } from './stix-citations.js';
import type { StixObject } from './stix-object.js';

/** The impact a bundle of ours records (x_cig_impact), citing its own external references. */
export function measuredImpact(
  impact: NonNullable<StixObject['x_cig_impact']>,
  citations: StixCitations,
): ImpactRecord {
  const intensity = impact.cyber_intensity;
  return {
    categories: (impact.categories ?? []).map((c) => ({
      category: c.category,
      description: c.description ?? null,
    })),
    cyberIntensity: intensity
      ? {
          unweighted: intensity.unweighted ?? null,
          weighted: intensity.weighted ?? null,
          targetMultiplier: intensity.target_multiplier ?? null,
        }
      : null,
    functional: impact.functional ?? null,
    intelligence: impact.intelligence ?? null,
    political: impact.political ?? [],
    economic: impact.economic ?? null,
    economicValue: impact.economic_value
      ? { amount: impact.economic_value.amount, currency: impact.economic_value.currency ?? null }
      : null,
    casualties: impact.casualties ?? null,
    sourceIds: citations.cite(impact.external_references),
  };
}
