import { useNavigate } from 'react-router';
import { ChartPanel } from '../../charts/ChartPanel';
import type { ChartQuery } from '../../charts/chart-files';
import type { ChartEvent } from '../../charts/echarts';
import { useIncidentFilter } from '../../filter/use-filter';
import { actorPath } from '../../links';
import type { CandidateAnswer } from './candidate';
import { actorOfBar, scoreChartOption, scoreTable } from './score-chart';

interface CandidateScoresProps {
  candidates: readonly CandidateAnswer[];
  incidentKey: string;
  query: ChartQuery;
}

/** The candidates' scores as stacked bars of their components; a bar opens its actor's page. */
export function CandidateScores({ candidates, incidentKey, query }: CandidateScoresProps) {
  const navigate = useNavigate();
  const { carried } = useIncidentFilter();
  const onClick = (event: ChartEvent) => {
    const actor = actorOfBar(event.data);
    if (actor !== null) void navigate(`${actorPath(actor)}${carried}`);
  };
  return (
    <ChartPanel
      title="Candidate scores by component"
      fileName={`attribution-${incidentKey}`}
      option={scoreChartOption(candidates)}
      table={scoreTable(candidates)}
      query={query}
      height={Math.max(240, 60 + 40 * candidates.length)}
      onClick={onClick}
    />
  );
}
