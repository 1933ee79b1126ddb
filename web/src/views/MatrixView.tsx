import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { ChartPanel } from '../charts/ChartPanel';
import type { ChartEvent } from '../charts/echarts';
import { AddressProblems } from '../components/AddressProblems';
import { Empty, QueryState } from '../components/QueryState';
import { useViewSettings } from '../components/use-view-settings';
import { paramsWithFilter } from '../filter/filter-params';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';
import type { IncidentFilter } from '../gql/graphql';
import { actorPath, sectorPath } from '../links';
import {
  cellTarget,
  clickedCell,
  labelTarget,
  matrixLegend,
  matrixOption,
  matrixTable,
  matrixView,
  type MatrixAnswer,
  type MatrixTarget,
} from './matrix/matrix-chart';
import { matrixSettingsOf, withMatrixSetting } from './matrix/matrix-settings';
import { MatrixControls } from './matrix/MatrixControls';

const MatrixQuery = graphql(`
  query ActorSectorMatrix(
    $filter: IncidentFilter
    $basis: AnalysisBasis!
    $topActors: Int!
    $topSectors: Int!
  ) {
    actorSectorMatrix(
      filter: $filter
      basis: $basis
      topActors: $topActors
      topSectors: $topSectors
    ) {
      actors {
        key
        name
      }
      sectors {
        key
        name
      }
      counts
      crossBorderShares
      reported
      rowTotals
      columnTotals
      total
    }
  }
`);

/** The address a click leads to, the filter carried (a cell's sector in place of the filter's). */
function targetPath(target: NonNullable<MatrixTarget>, filter: IncidentFilter): string {
  if (target.kind === 'sector') return `${sectorPath(target.key)}?${paramsWithFilter(filter)}`;
  const narrowed =
    target.sectorKey === null ? filter : { ...filter, sectorIds: [target.sectorKey] };
  return `${actorPath(target.key)}?${paramsWithFilter(narrowed)}`;
}

/**
 * The actor × sector matrix (`/matrix`): which actors hit which top-level sectors, how often
 * across a border, and where reported victimology agrees; a cell opens the actor's page narrowed
 * to the sector, a label the actor's or sector's page.
 */
export function MatrixView() {
  const { filter } = useIncidentFilter();
  const { settings, problems, setSetting } = useViewSettings(matrixSettingsOf, withMatrixSetting);
  const navigate = useNavigate();
  const variables = { filter, ...settings };
  const [{ data, fetching, error }] = useQuery({ query: MatrixQuery, variables });
  const answer: MatrixAnswer | undefined = data?.actorSectorMatrix;
  const shown = useMemo(() => {
    if (answer === undefined) return undefined;
    const view = matrixView(answer, settings.sort);
    return { view, option: matrixOption(view), table: matrixTable(answer, view) };
  }, [answer, settings.sort]);

  const onClick = (event: ChartEvent) => {
    if (shown === undefined) return;
    const { view } = shown;
    let target: MatrixTarget = null;
    if (event.componentType === 'series') {
      const cell = clickedCell(view, event.seriesIndex, event.dataIndex);
      if (cell) target = cellTarget(cell);
    } else if (event.componentType === 'xAxis' || event.componentType === 'yAxis') {
      // An axis label's event carries the category, the name it shows.
      const name = typeof event.value === 'string' ? event.value : '';
      target = labelTarget(view, event.componentType === 'xAxis' ? 'x' : 'y', name);
    }
    if (target !== null) void navigate(targetPath(target, filter));
  };
  const controls = <MatrixControls settings={settings} onChange={setSetting} />;

  return (
    <section className="page matrix-page">
      <h1>Actors × sectors</h1>
      <AddressProblems problems={problems} />
      <QueryState what="the matrix" fetching={fetching} error={error} data={shown}>
        {({ view, option, table }) =>
          view.cells.length === 0 ? (
            <>
              {controls}
              <Empty>No actor is linked to a sector under this filter.</Empty>
            </>
          ) : (
            <ChartPanel
              title="Incidents by actor and sector"
              fileName="actor-sector-matrix"
              option={option}
              table={table}
              query={{ document: MatrixQuery, variables }}
              controls={
                <>
                  {controls}
                  <p className="muted matrix-legend">{matrixLegend}</p>
                </>
              }
              height={Math.max(360, 150 + view.rows.length * 34)}
              onClick={onClick}
            />
          )
        }
      </QueryState>
    </section>
  );
}
