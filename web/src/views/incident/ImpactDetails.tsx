import type { ReactNode } from 'react';
import { Fact, Facts } from '../../components/Facts';
import { enumLabel } from '../../components/labels';
import { Empty } from '../../components/QueryState';
import { SourceList } from '../../components/SourceList';
import { graphql } from '../../gql';
import type { ImpactFieldsFragment } from '../../gql/graphql';

graphql(`
  fragment ImpactFields on Impact {
    disruptionDays
    recordsAffected
    ransomDemandedUsd
    ransomPaidUsd
    categories {
      category
      description
    }
    cyberIntensity {
      unweighted
      weighted
      targetMultiplier
    }
    functional
    intelligence
    political {
      measure
      level
    }
    economic
    economicValue {
      amount
      currency
    }
    casualties
    sources {
      ...SourceFields
    }
  }
`);

interface ImpactFact {
  term: string;
  value: ReactNode;
}

const count = (n: number): string => n.toLocaleString();
const usd = (n: number): string => `${n.toLocaleString()} USD`;

/** The values the record holds, in reading order; what nobody measured is left out, not zeroed. */
function impactFacts(impact: ImpactFieldsFragment): ImpactFact[] {
  const facts: (ImpactFact | null)[] = [
    impact.categories.length > 0
      ? {
          term: 'Categories',
          value: (
            <ul className="impact-categories">
              {impact.categories.map(({ category, description }) => (
                <li key={category}>
                  <span className="tag">{enumLabel(category)}</span>
                  {description && <span> {description}</span>}
                </li>
              ))}
            </ul>
          ),
        }
      : null,
    impact.disruptionDays != null
      ? { term: 'Disruption', value: `${count(impact.disruptionDays)} days` }
      : null,
    impact.recordsAffected != null
      ? { term: 'Records affected', value: count(impact.recordsAffected) }
      : null,
    impact.ransomDemandedUsd != null
      ? { term: 'Ransom demanded', value: usd(impact.ransomDemandedUsd) }
      : null,
    impact.ransomPaidUsd != null ? { term: 'Ransom paid', value: usd(impact.ransomPaidUsd) } : null,
    impact.cyberIntensity
      ? { term: 'Cyber intensity', value: intensityText(impact.cyberIntensity) }
      : null,
    impact.functional ? { term: 'Functional impact', value: impact.functional } : null,
    impact.intelligence ? { term: 'Intelligence impact', value: impact.intelligence } : null,
    ...impact.political.map(({ measure, level }) => ({
      term: `Political impact: ${measure}`,
      value: level,
    })),
    impact.economic ? { term: 'Economic impact', value: impact.economic } : null,
    impact.economicValue
      ? {
          term: 'Economic value',
          value: [impact.economicValue.amount.toLocaleString(), impact.economicValue.currency]
            .filter((part) => part != null)
            .join(' '),
        }
      : null,
    impact.casualties ? { term: 'Casualties', value: impact.casualties } : null,
  ];
  return facts.filter((fact) => fact !== null);
}

function intensityText({
  unweighted,
  weighted,
  targetMultiplier,
}: NonNullable<ImpactFieldsFragment['cyberIntensity']>): string {
  return [
    unweighted != null ? `${unweighted} unweighted` : null,
    weighted != null ? `${weighted} weighted` : null,
    targetMultiplier ? `target multiplier ${targetMultiplier}` : null,
  ]
    .filter((part) => part !== null)
    .join(', ');
}

/** What the incident did, as far as anyone measured it, and the sources of those measures. */
export function ImpactDetails({ impact }: { impact: ImpactFieldsFragment }) {
  const facts = impactFacts(impact);
  if (facts.length === 0) return <Empty>No impact is recorded for this incident.</Empty>;
  return (
    <>
      <Facts className="impact">
        {facts.map(({ term, value }) => (
          <Fact key={term} term={term}>
            {value}
          </Fact>
        ))}
      </Facts>
      {impact.sources.length > 0 && (
        <>
          <h3>Sources of these values</h3>
          <SourceList sources={impact.sources} />
        </>
      )}
    </>
  );
}
