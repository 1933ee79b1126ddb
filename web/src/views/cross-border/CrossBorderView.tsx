import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ChartPanel } from '../../charts/ChartPanel';
import type { ChartQuery } from '../../charts/chart-files';
import type { ChartEvent } from '../../charts/echarts';
import { AddressProblems } from '../../components/AddressProblems';
import { Empty, QueryState } from '../../components/QueryState';
import { useIncidentFilter } from '../../filter/use-filter';
import { graphql } from '../../gql';
import type { CrossBorderQuery as CrossBorderAnswerData } from '../../gql/graphql';
import {
  crossBorderAddressOf,
  type CrossBorderAddress,
  nextPage,
  pageNumber,
  previousPage,
  withoutPaging,
} from './cross-border-address';
import { flowsOf, linesTable, sankeyOption, type CrossBorderLine } from './cross-border-lines';
import { CrossBorderControls } from './CrossBorderControls';
import { LinesTable } from './LinesTable';

const CrossBorderQuery = graphql(`
  query CrossBorder(
    $filter: IncidentFilter
    $basis: AnalysisBasis!
    $orderBy: CrossBorderOrder
    $first: Int!
    $after: String
  ) {
    crossBorder(filter: $filter, basis: $basis, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CrossBorderLineFields
        }
      }
      unknownOrigin {
        ...CrossBorderLineFields
      }
    }
  }

  fragment CrossBorderLineFields on CrossBorderRow {
    actor {
      key
      name
    }
    origin {
      code
      name
    }
    sector {
      key
      name
    }
    affectedCountry {
      code
      name
    }
    incidentCount
    firstDate
    lastDate
    reported
  }
`);

/**
 * A cursor belongs to the filter it was read under: when the filter changes, the view goes back
 * to the first page (replacing the address, so Back still returns to the old filter's page).
 */
function useFirstPageOnFilterChange(carried: string) {
  const [, setParams] = useSearchParams();
  const seen = useRef(carried);
  useEffect(() => {
    if (seen.current === carried) return;
    seen.current = carried;
    setParams((current) => withoutPaging(current), { replace: true });
  }, [carried, setParams]);
}

type Answer = CrossBorderAnswerData['crossBorder'];

/** The headline question: which actors hit which sectors in which other countries. */
export function CrossBorderView() {
  const { filter, carried } = useIncidentFilter();
  const [params] = useSearchParams();
  const { address, problems } = crossBorderAddressOf(params);
  useFirstPageOnFilterChange(carried);
  const variables = {
    filter,
    basis: address.basis,
    orderBy: { field: address.order, direction: 'DESC' as const },
    first: address.first,
    after: address.after,
  };
  const [{ data, fetching, error }] = useQuery({ query: CrossBorderQuery, variables });

  return (
    <section className="page cross-border">
      <h1>Cross-border targeting</h1>
      <p className="muted">
        Which actors hit which sectors in countries other than their origin: each line is an actor,
        a sector and an affected country, with the incidents behind it.
      </p>
      <AddressProblems problems={problems} />
      <CrossBorderControls address={address} />
      <QueryState what="the cross-border lines" fetching={fetching} error={error} data={data}>
        {({ crossBorder }) => (
          <CrossBorderAnswer
            answer={crossBorder}
            address={address}
            query={{ document: CrossBorderQuery, variables }}
          />
        )}
      </QueryState>
    </section>
  );
}

interface AnswerProps {
  answer: Answer;
  address: CrossBorderAddress;
  query: ChartQuery;
}

/** The flows as a Sankey, the page of lines with its pager, and the lines of unknown origin. */
function CrossBorderAnswer({ answer, address, query }: AnswerProps) {
  const { carried } = useIncidentFilter();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const known: CrossBorderLine[] = useMemo(() => answer.edges.map((edge) => edge.node), [answer]);
  const unknown: CrossBorderLine[] = answer.unknownOrigin;
  const flows = useMemo(() => flowsOf([...known, ...unknown]), [known, unknown]);
  const option = useMemo(() => sankeyOption(flows), [flows]);
  const table = useMemo(() => linesTable(known, unknown), [known, unknown]);

  if (known.length + unknown.length === 0)
    return <Empty>No actor hit a country other than its origin under this filter.</Empty>;

  const openNode = (event: ChartEvent) => {
    if (event.dataType !== 'node') return;
    const page = flows.nodes.find((node) => node.name === event.name)?.page;
    if (page) void navigate(`${page}${carried}`);
  };
  const { hasNextPage, endCursor } = answer.pageInfo;

  return (
    <>
      <ChartPanel
        title="Origin → actor → sector → affected country"
        fileName="cross-border"
        option={option}
        table={table}
        query={query}
        height={Math.max(360, Math.min(900, flows.nodes.length * 14))}
        onClick={openNode}
      />
      {flows.withoutIncidents > 0 && (
        <p className="muted">
          {flows.withoutIncidents} lines come from reported victimology alone (no incidents): they
          are in the tables, not in the flows.
        </p>
      )}
      <section className="page-section" aria-labelledby="cross-border-lines">
        <h2 id="cross-border-lines">Lines, page {pageNumber(address)}</h2>
        <LinesTable
          caption={`Cross-border lines ${address.back.length * address.first + 1}–${address.back.length * address.first + known.length} of ${answer.totalCount}`}
          testId="cross-border-lines"
          lines={known}
          carried={carried}
        />
        <nav className="pager" aria-label="Pages of lines">
          <button
            type="button"
            disabled={address.after === null}
            onClick={() => {
              setParams(previousPage(params));
            }}
          >
            Previous
          </button>{' '}
          <span data-testid="total-count">{answer.totalCount}</span> lines in all{' '}
          <button
            type="button"
            disabled={!hasNextPage || !endCursor}
            onClick={() => {
              if (endCursor) setParams(nextPage(params, endCursor));
            }}
          >
            Next
          </button>
        </nav>
      </section>
      <section className="page-section" aria-labelledby="cross-border-unknown">
        <h2 id="cross-border-unknown">Actors of unknown origin</h2>
        {unknown.length === 0 ? (
          <Empty>Every actor on these lines has a claimed origin.</Empty>
        ) : (
          <LinesTable
            caption={`Lines of actors whose origin nobody has claimed (the busiest ${address.first} at most)`}
            testId="cross-border-unknown"
            lines={unknown}
            carried={carried}
          />
        )}
      </section>
      <p>
        <Link to={`/map${carried}`}>The same flows on the map</Link>
      </p>
    </>
  );
}
