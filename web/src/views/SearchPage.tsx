import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ActorLink, IncidentLink } from '../components/EntityLinks';
import { enumLabel } from '../components/labels';
import { Empty, QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { isEmptyFilter } from '../filter/filter-params';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';
import type { IncidentFilter } from '../gql/graphql';
import type { SearchHitNode } from '../search/search-hits';

/** Enough for any real search; the count says when there are more. */
const ACTORS_SHOWN = 50;
const INCIDENTS_SHOWN = 100;

const SearchResultsQuery = graphql(`
  query SearchResults($text: String!, $filter: IncidentFilter!, $actors: Int!, $incidents: Int!) {
    search(text: $text, types: [ACTOR], first: $actors) {
      node {
        ...SearchHitFields
      }
    }
    incidents(filter: $filter, orderBy: { field: START_DATE, direction: DESC }, first: $incidents) {
      totalCount
      edges {
        node {
          key
          title
          date
        }
      }
    }
  }
`);

/**
 * Full search results (`/search?q=…`): actors by name or alias, and the incidents whose title or
 * description has the words. Incidents are searched through the shared filter's `search`, the same
 * full-text match as the `search` query, so that the filter bar above narrows them too.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const text = (params.get('q') ?? '').trim();
  const search = (next: string) => {
    setParams((current) => {
      const kept = new URLSearchParams(current);
      kept.set('q', next.trim());
      return kept;
    });
  };
  return (
    <section className="page search-page">
      <h1>Search</h1>
      <SearchForm text={text} onSearch={search} />
      {text === '' ? (
        <Empty>
          Type an actor&apos;s name or alias, or words from an incident&apos;s title or description.
        </Empty>
      ) : (
        <SearchResults text={text} />
      )}
    </section>
  );
}

function SearchForm({ text, onSearch }: { text: string; onSearch: (text: string) => void }) {
  const id = useId();
  const [draft, setDraft] = useState(text);
  // Another text in the address (the header's box, back) replaces what the field shows.
  const [shown, setShown] = useState(text);
  if (shown !== text) {
    setShown(text);
    setDraft(text);
  }
  return (
    <form
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft);
      }}
    >
      <label htmlFor={id}>Search for</label>
      <input
        id={id}
        type="search"
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
      />
      <button type="submit" className="primary">
        Search
      </button>
    </form>
  );
}

function SearchResults({ text }: { text: string }) {
  const { filter } = useIncidentFilter();
  const underFilter = isEmptyFilter(filter) ? '' : ' under the filter';
  const incidentFilter: IncidentFilter = { ...filter, search: text };
  const [{ data, fetching, error }] = useQuery({
    query: SearchResultsQuery,
    variables: {
      text,
      filter: incidentFilter,
      actors: ACTORS_SHOWN,
      incidents: INCIDENTS_SHOWN,
    },
  });
  return (
    <QueryState what="the results" fetching={fetching} error={error} data={data}>
      {({ search, incidents }) => {
        const actors = search.flatMap(({ node }) => (node.__typename === 'Actor' ? [node] : []));
        const found = incidents.edges.map((edge) => edge.node);
        if (actors.length === 0 && incidents.totalCount === 0)
          return (
            <Empty>
              Nothing matches “{text}”: no actor or alias, and no incident{underFilter}.
            </Empty>
          );
        return (
          <div className="search-results">
            <Section title={`Actors (${actors.length})`}>
              <ActorHits actors={actors} text={text} />
            </Section>
            <Section title={`Incidents (${incidents.totalCount})`}>
              {found.length === 0 ? (
                <Empty>No incident{underFilter} has these words.</Empty>
              ) : (
                <ol className="incident-items">
                  {found.map((incident) => (
                    <li key={incident.key}>
                      <time dateTime={incident.date}>{incident.date}</time>
                      <IncidentLink incident={incident} />
                    </li>
                  ))}
                </ol>
              )}
              {incidents.totalCount > found.length && (
                <p className="muted">
                  The latest {found.length} of {incidents.totalCount}; more words or the filter
                  narrow them.
                </p>
              )}
            </Section>
          </div>
        );
      }}
    </QueryState>
  );
}

type ActorHit = Extract<SearchHitNode, { __typename: 'Actor' }>;

function ActorHits({ actors, text }: { actors: readonly ActorHit[]; text: string }) {
  if (actors.length === 0) return <Empty>No actor is called “{text}”.</Empty>;
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Aliases</th>
            <th scope="col">Type</th>
          </tr>
        </thead>
        <tbody>
          {actors.map((actor) => (
            <tr key={actor.key}>
              <td>
                <ActorLink actor={actor} />
              </td>
              <td>{actor.aliases.join(', ')}</td>
              <td>{enumLabel(actor.type)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {actors.length === ACTORS_SHOWN && (
        <p className="muted">The {ACTORS_SHOWN} best matches; more words narrow them.</p>
      )}
    </>
  );
}
