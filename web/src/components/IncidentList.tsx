import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { IncidentFilter, IncidentListItemFragment, OwnedIncidentsQuery } from '../gql/graphql';
import { IncidentLink } from './EntityLinks';
import { enumLabel } from './labels';
import { Empty, QueryState } from './QueryState';

const pageSize = 20;

/*
 * Actors, sectors and countries list their incidents the same way, so one query serves the three:
 * the owner is named by its global id and each type's `incidents` connection is asked for alike.
 */
const OwnedIncidents = graphql(`
  query OwnedIncidents(
    $owner: ID!
    $filter: IncidentFilter
    $first: Int!
    $after: String
    $counted: Boolean!
  ) {
    node(id: $owner) {
      ... on Actor {
        incidents(
          filter: $filter
          first: $first
          after: $after
          orderBy: { field: START_DATE, direction: DESC }
        ) {
          ...IncidentListPage
        }
      }
      ... on Sector {
        incidents(
          filter: $filter
          first: $first
          after: $after
          orderBy: { field: START_DATE, direction: DESC }
        ) {
          ...IncidentListPage
        }
      }
      ... on Country {
        incidents(
          filter: $filter
          first: $first
          after: $after
          orderBy: { field: START_DATE, direction: DESC }
        ) {
          ...IncidentListPage
        }
      }
    }
  }

  fragment IncidentListPage on IncidentConnection {
    totalCount @include(if: $counted)
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...IncidentListItem
      }
    }
  }
`);

/** What a list of incidents shows of each (the workbench's list of unattributed ones too). */
graphql(`
  fragment IncidentListItem on Incident {
    key
    title
    date
    attackTypes
  }
`);

type Owner = NonNullable<OwnedIncidentsQuery['node']>;

const incidentsOf = (owner: Owner | null) =>
  owner !== null && 'incidents' in owner ? owner.incidents : null;

interface IncidentListProps {
  /** The global id of the actor, sector or country whose incidents these are. */
  ownerId: string;
  filter: IncidentFilter;
}

/** Incidents newest first, a page at a time, with a button for the next page. */
export function IncidentList({ ownerId, filter }: IncidentListProps) {
  // A cursor belongs to the list that gave it out: a new filter starts again from the first page.
  return <IncidentPages key={`${ownerId} ${JSON.stringify(filter)}`} {...{ ownerId, filter }} />;
}

function IncidentPages({ ownerId, filter }: IncidentListProps) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <div className="incident-list">
      {cursors.map((after, index) => (
        <IncidentPage
          key={after ?? ''}
          ownerId={ownerId}
          filter={filter}
          after={after}
          onMore={
            index === cursors.length - 1
              ? (next) => {
                  setCursors([...cursors, next]);
                }
              : undefined
          }
        />
      ))}
    </div>
  );
}

interface IncidentPageProps extends IncidentListProps {
  after: string | null;
  /** Set on the last page shown: asks for the page after it. */
  onMore: ((after: string) => void) | undefined;
}

function IncidentPage({ ownerId, filter, after, onMore }: IncidentPageProps) {
  const [{ data, fetching, error }] = useQuery({
    query: OwnedIncidents,
    variables: { owner: ownerId, filter, first: pageSize, after, counted: after === null },
  });
  return (
    <QueryState what="incidents" fetching={fetching} error={error} data={data}>
      {({ node }) => {
        const page = incidentsOf(node);
        if (page === null) return null;
        if (after === null && page.edges.length === 0)
          return <Empty>No incidents under this filter.</Empty>;
        return (
          <>
            {page.totalCount != null && (
              <p className="muted" data-figure="incident-count">
                {page.totalCount} {page.totalCount === 1 ? 'incident' : 'incidents'}, newest first
              </p>
            )}
            <IncidentItems edges={page.edges} focusOnArrival={after !== null} />
            {onMore && page.pageInfo.hasNextPage && page.pageInfo.endCursor != null && (
              <MoreButton after={page.pageInfo.endCursor} onMore={onMore} />
            )}
          </>
        );
      }}
    </QueryState>
  );
}

type IncidentEdges = NonNullable<ReturnType<typeof incidentsOf>>['edges'];

/**
 * One page of the list. A page that arrives after "More" takes the focus (the button that had it
 * is gone), so a keyboard user goes on from the first new incident.
 */
function IncidentItems({
  edges,
  focusOnArrival,
}: {
  edges: IncidentEdges;
  focusOnArrival: boolean;
}) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusOnArrival) list.current?.focus();
  }, [focusOnArrival]);
  return (
    <ol className="incident-items" ref={list} tabIndex={focusOnArrival ? -1 : undefined}>
      {edges.map(({ node }) => (
        <li key={node.key}>
          <IncidentItem incident={node} />
        </li>
      ))}
    </ol>
  );
}

/** One incident of a list: its date, a link to its page, and its attack types. */
export function IncidentItem({ incident }: { incident: IncidentListItemFragment }) {
  return (
    <>
      <time dateTime={incident.date}>{incident.date}</time>
      <IncidentLink incident={incident} />
      {incident.attackTypes.length > 0 && (
        <span className="muted"> {incident.attackTypes.map(enumLabel).join(', ')}</span>
      )}
    </>
  );
}

function MoreButton({ after, onMore }: { after: string; onMore: (after: string) => void }) {
  return (
    <button
      type="button"
      className="more"
      onClick={() => {
        onMore(after);
      }}
    >
      More incidents
    </button>
  );
}
