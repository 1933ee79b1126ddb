import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { ActorCountTable } from '../components/ActorCounts';
import { SectorLink, SectorLinks } from '../components/EntityLinks';
import { Fact, Facts } from '../components/Facts';
import { IncidentList } from '../components/IncidentList';
import { MissingEntity } from '../components/MissingEntity';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';
import type { SectorPageQuery } from '../gql/graphql';

const SectorPageDocument = graphql(`
  query SectorPage($id: ID!) {
    sector(id: $id) {
      id
      name
      description
      stixIndustry
      nis2Sector
      nis2Annex
      parent {
        key
        name
      }
      subsectors {
        key
        name
      }
    }
  }
`);

/**
 * A sector (`/sectors/:id`, its key): where it sits in the tree, its incidents (a parent's include
 * its sub-sectors') and the actors behind them, under the shared filter.
 */
export function SectorPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: SectorPageDocument, variables: { id } });
  return (
    <article className="page entity-page">
      <QueryState what="the sector" fetching={fetching} error={error} data={data}>
        {({ sector }) =>
          sector ? <SectorDetails sector={sector} /> : <MissingEntity kind="sector" id={id} />
        }
      </QueryState>
    </article>
  );
}

function SectorDetails({ sector }: { sector: NonNullable<SectorPageQuery['sector']> }) {
  const { filter } = useIncidentFilter();
  return (
    <>
      <header className="entity-header">
        <h1>{sector.name}</h1>
        <p className="entity-kind">
          <span className="tag">{sector.parent ? 'Sub-sector' : 'Sector'}</span>
        </p>
        {sector.description && <p className="entity-description">{sector.description}</p>}
        <Facts>
          <Fact term="STIX industry">{sector.stixIndustry}</Fact>
          <Fact term="NIS2 sector">
            {sector.nis2Sector &&
              `${sector.nis2Sector}${sector.nis2Annex ? ` (annex ${sector.nis2Annex})` : ''}`}
          </Fact>
          <Fact term="Part of" field="parent">
            {sector.parent ? <SectorLink sector={sector.parent} /> : 'a top-level sector'}
          </Fact>
          <Fact term="Sub-sectors" field="subsectors">
            <SectorLinks sectors={sector.subsectors} />
          </Fact>
        </Facts>
      </header>
      <div className="entity-columns">
        <Section title="Incidents">
          <IncidentList ownerId={sector.id} filter={filter} />
        </Section>
        <Section title="Actors">
          <ActorCountTable ownerId={sector.id} filter={filter} />
        </Section>
      </div>
    </>
  );
}
