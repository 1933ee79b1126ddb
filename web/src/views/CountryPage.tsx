import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { ActorCountTable } from '../components/ActorCounts';
import { ActorLink } from '../components/EntityLinks';
import { Fact, Facts } from '../components/Facts';
import { IncidentList } from '../components/IncidentList';
import { InlineList } from '../components/InlineList';
import { MissingEntity } from '../components/MissingEntity';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';
import type { CountryPageQuery } from '../gql/graphql';

const CountryPageDocument = graphql(`
  query CountryPage($code: String!) {
    country(code: $code) {
      id
      code
      iso3
      name
      region
      subregion
      originatingActors(first: 100) {
        totalCount
        edges {
          node {
            key
            name
          }
        }
      }
    }
  }
`);

/**
 * A country (`/countries/:code`, alpha-2): where it lies, the incidents that affected it and the
 * actors behind them under the shared filter, and the actors said to operate from it.
 */
export function CountryPage() {
  const { code = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: CountryPageDocument, variables: { code } });
  return (
    <article className="page entity-page">
      <QueryState what="the country" fetching={fetching} error={error} data={data}>
        {({ country }) =>
          country ? (
            <CountryDetails country={country} />
          ) : (
            <MissingEntity kind="country" id={code} />
          )
        }
      </QueryState>
    </article>
  );
}

function CountryDetails({ country }: { country: NonNullable<CountryPageQuery['country']> }) {
  const { filter } = useIncidentFilter();
  const origins = country.originatingActors;
  return (
    <>
      <header className="entity-header">
        <h1>{country.name}</h1>
        <Facts>
          <Fact term="Codes" field="codes">
            {country.code}, {country.iso3}
          </Fact>
          <Fact term="Region">{country.region}</Fact>
          <Fact term="Sub-region">{country.subregion}</Fact>
          <Fact term="Actors operating from it" field="originating-actors">
            <InlineList>
              {origins.edges.map(({ node }) => (
                <li key={node.key}>
                  <ActorLink actor={node} />
                </li>
              ))}
            </InlineList>
            {origins.totalCount > origins.edges.length && (
              <span className="muted"> and {origins.totalCount - origins.edges.length} more</span>
            )}
          </Fact>
        </Facts>
      </header>
      <div className="entity-columns">
        <Section title="Incidents affecting it">
          <IncidentList ownerId={country.id} filter={filter} />
        </Section>
        <Section title="Actors targeting it">
          <ActorCountTable ownerId={country.id} filter={filter} />
        </Section>
      </div>
    </>
  );
}
