import type { ReactNode } from 'react';
import { Confidence } from '../../components/Confidence';
import { CountryLink, SectorLink } from '../../components/EntityLinks';
import { Empty } from '../../components/QueryState';
import { SourceList } from '../../components/SourceList';
import { graphql } from '../../gql';
import type { ActorReportedTargetsFragment, SourceFieldsFragment } from '../../gql/graphql';

graphql(`
  fragment ActorReportedTargets on Actor {
    reportedTargets {
      sectors {
        sector {
          key
          name
        }
        confidence
        sources {
          ...SourceFields
        }
      }
      countries {
        country {
          code
          name
        }
        confidence
        sources {
          ...SourceFields
        }
      }
    }
  }
`);

interface ReportedRow {
  key: string;
  kind: 'Sector' | 'Country';
  target: ReactNode;
  confidence: number | null;
  sources: readonly SourceFieldsFragment[];
}

/**
 * What sources such as the MISP galaxy or ATT&CK say the actor targets, without naming incidents.
 * It is kept apart from the counts: no incident stands behind it, so no filter applies to it.
 */
export function ReportedTargets({ actor }: { actor: ActorReportedTargetsFragment }) {
  const { sectors, countries } = actor.reportedTargets;
  const rows: ReportedRow[] = [
    ...sectors.map(({ sector, confidence, sources }) => ({
      key: `sector ${sector.key}`,
      kind: 'Sector' as const,
      target: <SectorLink sector={sector} />,
      confidence,
      sources,
    })),
    ...countries.map(({ country, confidence, sources }) => ({
      key: `country ${country.code}`,
      kind: 'Country' as const,
      target: <CountryLink country={country} />,
      confidence,
      sources,
    })),
  ];
  return (
    <>
      <p className="muted reported-note">
        Reported victimology: what sources that name no incidents say this actor targets. It is not
        counted with the incidents and the filter does not apply to it.
      </p>
      {rows.length === 0 ? (
        <Empty>No source reports targets for this actor.</Empty>
      ) : (
        <table className="reported-targets">
          <thead>
            <tr>
              <th scope="col">Reported target</th>
              <th scope="col">Kind</th>
              <th scope="col">Confidence</th>
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.target}</th>
                <td>{row.kind}</td>
                <td>
                  <Confidence value={row.confidence} />
                </td>
                <td>
                  <SourceList sources={row.sources} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
