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
import { actorPath, countryPath, sectorPath } from '../links';
import {
  brushedDates,
  segmentTarget,
  timelineOption,
  timelineSeries,
  timelineTable,
  tooCoarseNote,
  type TimelineAnswer,
  type TimelineTarget,
} from './timeline/timeline-chart';
import { timelineSettingsOf, withTimelineSetting } from './timeline/timeline-settings';
import { TimelineControls } from './timeline/TimelineControls';

const TimelineQuery = graphql(`
  query Timeline($filter: IncidentFilter, $bucket: TimelineBucket!, $groupBy: TimelineGroup!) {
    timeline(filter: $filter, bucket: $bucket, groupBy: $groupBy) {
      bucket
      groupBy
      buckets
      series {
        key
        label
        counts
        total
      }
      tooCoarse
    }
  }
`);

function targetPath({ page, key, filter }: TimelineTarget): string {
  const query = `?${paramsWithFilter(filter)}`;
  if (key !== null && page === 'actor') return actorPath(key) + query;
  if (key !== null && page === 'sector') return sectorPath(key) + query;
  if (key !== null && page === 'country') return countryPath(key) + query;
  return `/${query}`;
}

/**
 * Incidents over time (`/timeline`): stacked bars per bucket and group. Brushing a period sets the
 * filter's dates; a bar segment opens its group's page (or the overview) for that period.
 */
export function TimelineView() {
  const { filter, setFilter } = useIncidentFilter();
  const { settings, problems, setSetting } = useViewSettings(
    timelineSettingsOf,
    withTimelineSetting,
  );
  const navigate = useNavigate();
  const variables = { filter, ...settings };
  const [{ data, fetching, error }] = useQuery({ query: TimelineQuery, variables });
  const answer: TimelineAnswer | undefined = data?.timeline;
  const shown = useMemo(() => {
    if (answer === undefined) return undefined;
    const series = timelineSeries(answer);
    return {
      answer,
      series,
      option: timelineOption(answer, series),
      table: timelineTable(answer, series),
    };
  }, [answer]);

  const onClick = (event: ChartEvent) => {
    const drawn = event.seriesIndex === undefined ? undefined : shown?.series[event.seriesIndex];
    if (shown === undefined || drawn === undefined || event.componentType !== 'series') return;
    const target = segmentTarget(shown.answer, drawn, event.dataIndex, filter);
    if (target !== null) void navigate(targetPath(target));
  };
  const onBrush = (range: [number, number] | null) => {
    const dates = shown && range ? brushedDates(shown.answer, range) : null;
    if (dates !== null) setFilter({ ...filter, ...dates });
  };
  const controls = <TimelineControls settings={settings} onChange={setSetting} />;

  return (
    <section className="page timeline-page">
      <h1>Timeline</h1>
      <AddressProblems problems={problems} />
      <QueryState what="the timeline" fetching={fetching} error={error} data={shown}>
        {({ answer: shownAnswer, option, table }) => {
          const note = tooCoarseNote(shownAnswer.tooCoarse, shownAnswer.bucket);
          const notes = (
            <>
              {controls}
              {note !== null && (
                <p className="muted" data-testid="too-coarse">
                  {note}
                </p>
              )}
            </>
          );
          return shownAnswer.buckets.length === 0 ? (
            <>
              {notes}
              <Empty>No incident with a date fine enough for this bucket passes the filter.</Empty>
            </>
          ) : (
            <ChartPanel
              title="Incidents over time"
              fileName="timeline"
              option={option}
              table={table}
              query={{ document: TimelineQuery, variables }}
              controls={
                <>
                  {notes}
                  <p className="muted">
                    Select a period with the range tool (top right) to set the filter&apos;s dates;
                    click a bar to open its group for that period.
                  </p>
                </>
              }
              onClick={onClick}
              onBrush={onBrush}
            />
          );
        }}
      </QueryState>
    </section>
  );
}
