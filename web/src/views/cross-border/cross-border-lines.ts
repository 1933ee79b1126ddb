// With their extensions: the unit tests type-check this module under the server's NodeNext resolution.
import type { ChartTable } from '../../charts/chart-files.js';
import type { ChartOption } from '../../charts/echarts.js';
import { actorPath, countryPath, sectorPath } from '../../links.js';

/** One line of the `crossBorder` answer, as the view asks for it. */
export interface CrossBorderLine {
  actor: { key: string; name: string };
  /** Null for actors whose origin nobody has claimed (`unknownOrigin`). */
  origin: { code: string; name: string } | null;
  sector: { key: string; name: string };
  affectedCountry: { code: string; name: string };
  incidentCount: number;
  firstDate: string | null;
  lastDate: string | null;
  reported: boolean;
}

/** A Sankey node: `name` is unique per column, so a country both origin and affected is no cycle. */
export interface FlowNode {
  name: string;
  /** What the chart writes beside the node. */
  label: string;
  /** The entity's page (without the filter); null for the "Unknown origin" source. */
  page: string | null;
  /** 0 origin, 1 actor, 2 sector, 3 affected country. */
  depth: number;
}

export interface FlowLink {
  source: string;
  target: string;
  /** Incidents behind the lines the link stands for. */
  value: number;
}

export interface Flows {
  nodes: FlowNode[];
  links: FlowLink[];
  /** Lines without incidents (reported victimology only): in the tables, not in the flows. */
  withoutIncidents: number;
}

export const UNKNOWN_ORIGIN = 'Unknown origin';

const originNode = (line: CrossBorderLine): FlowNode =>
  line.origin === null
    ? { name: 'origin:?', label: UNKNOWN_ORIGIN, page: null, depth: 0 }
    : {
        name: `origin:${line.origin.code}`,
        label: line.origin.name,
        page: countryPath(line.origin.code),
        depth: 0,
      };

/** The four columns a line passes through, left to right. */
const columnsOf = (line: CrossBorderLine): FlowNode[] => [
  originNode(line),
  {
    name: `actor:${line.actor.key}`,
    label: line.actor.name,
    page: actorPath(line.actor.key),
    depth: 1,
  },
  {
    name: `sector:${line.sector.key}`,
    label: line.sector.name,
    page: sectorPath(line.sector.key),
    depth: 2,
  },
  {
    name: `affected:${line.affectedCountry.code}`,
    label: line.affectedCountry.name,
    page: countryPath(line.affectedCountry.code),
    depth: 3,
  },
];

/**
 * Origin → actor → sector → affected country, each link the incidents of the lines through it.
 * Lines of unknown origin flow from one "Unknown origin" source rather than being dropped.
 */
export function flowsOf(lines: readonly CrossBorderLine[]): Flows {
  const nodes = new Map<string, FlowNode>();
  const links = new Map<string, FlowLink>();
  let withoutIncidents = 0;
  for (const line of lines) {
    if (line.incidentCount === 0) {
      withoutIncidents += 1;
      continue;
    }
    const columns = columnsOf(line);
    for (const node of columns) if (!nodes.has(node.name)) nodes.set(node.name, node);
    for (let i = 1; i < columns.length; i += 1) {
      const source = columns[i - 1]?.name ?? '';
      const target = columns[i]?.name ?? '';
      const id = `${source}→${target}`;
      const link = links.get(id) ?? { source, target, value: 0 };
      link.value += line.incidentCount;
      links.set(id, link);
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()], withoutIncidents };
}

/** Room on the right for the affected countries' names. */
export const SANKEY_RIGHT = 140;
export const SANKEY_NODE_WIDTH = 16;

/** The Sankey of the flows; every node's label is its entity's name. */
export function sankeyOption(flows: Flows): ChartOption {
  const labels = new Map(flows.nodes.map((node) => [node.name, node.label]));
  const labelOf = (name: string): string => labels.get(name) ?? name;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const data: unknown = item?.data;
        if (isLink(data))
          return `${labelOf(data.source)} → ${labelOf(data.target)}: ${data.value} incidents`;
        const value = typeof item?.value === 'number' ? item.value : 0;
        return `${labelOf(item?.name ?? '')}: ${value} incidents`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 10,
        right: SANKEY_RIGHT,
        top: 10,
        bottom: 10,
        nodeWidth: SANKEY_NODE_WIDTH,
        nodeGap: 6,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
        label: { formatter: (params) => labelOf(params.name), fontSize: 11 },
        data: flows.nodes.map((node) => ({ name: node.name, depth: node.depth })),
        links: flows.links,
      },
    ],
  };
}

const isLink = (data: unknown): data is FlowLink =>
  typeof data === 'object' && data !== null && 'source' in data && 'target' in data;

export const lineColumns = [
  'Actor',
  'Origin',
  'Sector',
  'Affected country',
  'Incidents',
  'First',
  'Last',
  'Reported',
] as const;

/** A line's cells, as the tables show them and the CSV holds them. */
export const cellsOf = (line: CrossBorderLine): (string | number)[] => [
  line.actor.name,
  line.origin?.name ?? UNKNOWN_ORIGIN,
  line.sector.name,
  line.affectedCountry.name,
  line.incidentCount,
  line.firstDate ?? '',
  line.lastDate ?? '',
  line.reported ? 'yes' : 'no',
];

/** The page's lines, then those of unknown origin: both tables of the view, in their order. */
export function linesTable(
  known: readonly CrossBorderLine[],
  unknown: readonly CrossBorderLine[],
): ChartTable {
  return { columns: lineColumns, rows: [...known, ...unknown].map(cellsOf) };
}
