import type { Writable } from 'node:stream';
import { sourceIdOf } from '../import/records.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import { each, type ExportReader } from './export-reader.js';
import { ignoreProblems } from './export-report.js';
import { nothingExported, type ExportCounts } from './native-export.js';
import { put } from './output.js';
import { exportScope } from './scope.js';

/** XML-escaped, without the control characters XML 1.0 cannot hold. */
const escape = (text: string): string =>
  Array.from(text)
    .filter((ch) => ch.charCodeAt(0) >= 0x20 || ch === '\t' || ch === '\n' || ch === '\r')
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** Node and edge ids are the API's global ids, so a picture can be traced back to the API. */
const nodeXml = (type: string, key: string, label: string, extra: Record<string, string> = {}) =>
  `    <node id="${escape(`${type}:${key}`)}"><data key="type">${type}</data><data key="label">${escape(label)}</data>${Object.entries(
    extra,
  )
    .map(([k, v]) => `<data key="${k}">${escape(v)}</data>`)
    .join('')}</node>\n`;

/** Edge ids numbered per export (each export its own counter). */
const edgeWriter = () => {
  let sequence = 0;
  return (type: string, source: string, target: string, weight = 1) =>
    `    <edge id="e${(sequence += 1)}" source="${escape(source)}" target="${escape(target)}"><data key="edgeType">${type}</data><data key="weight">${weight}</data></edge>\n`;
};

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="date" for="node" attr.name="date" attr.type="string"/>
  <key id="edgeType" for="edge" attr.name="type" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="incomplete" for="graph" attr.name="incomplete" attr.type="string"/>
  <graph id="cyber-incident-graph" edgedefault="directed">
`;

/**
 * The graph (or the filtered part, as in the JSON export) as GraphML for Gephi and Cytoscape
 * desktop: node `type` and `label`, incident `date`, edge `type` and `weight` (a claim's confidence
 * ÷ 100, 1 otherwise). Two streamed passes, nodes then edges, since some readers want every node
 * declared before an edge names it; only the sectors and countries referred to are kept in memory.
 * When the graph held something the export left out, the graph's last data, `incomplete`, lists it.
 */
export async function writeGraphmlExport(
  reader: ExportReader,
  filter: IncidentConditions,
  out: Writable,
): Promise<ExportCounts> {
  const { taxonomy } = reader;
  const edgeXml = edgeWriter();
  const scope = await exportScope(reader, filter);
  const counts = nothingExported();
  const sectors = new Set<string>();
  const countries = new Set<string>();
  const exportedActor = (id: string) => scope.actors === null || scope.actors.has(id);
  await put(out, HEADER);

  for await (const i of each(reader.incidents(filter))) {
    counts.incidents += 1;
    i.sectorIds.forEach((s) => sectors.add(s));
    i.countries.forEach((c) => countries.add(c.iso2));
    await put(
      out,
      nodeXml('Incident', i.key, String(i.props.title), { date: String(i.props.startDate) }),
    );
  }
  for await (const a of each(reader.actors(scope.actors))) {
    counts.actors += 1;
    [...a.origins, ...a.sponsors].forEach((t) => countries.add(t.country));
    a.targetSectors.forEach((t) => sectors.add(t.id));
    a.targetCountries.forEach((t) => countries.add(t.id));
    await put(out, nodeXml('Actor', a.key, String(a.props.name)));
  }
  for await (const c of each(reader.campaigns(scope.campaigns))) {
    counts.campaigns += 1;
    await put(out, nodeXml('Campaign', c.key, String(c.props.name)));
  }
  for await (const o of each(reader.organizations(scope.organizations))) {
    counts.organizations += 1;
    o.sectorIds.forEach((s) => sectors.add(s));
    if (o.country) countries.add(o.country);
    await put(out, nodeXml('Organization', o.key, String(o.props.name)));
  }
  for await (const s of each(reader.sources(scope.sources))) {
    counts.sources += 1;
    await put(out, nodeXml('Source', s.key, String(s.props.title ?? s.props.url)));
  }
  for (const sector of taxonomy.sectors.filter((s) => sectors.has(s.id)))
    await put(out, nodeXml('Sector', sector.id, sector.name));
  for (const country of taxonomy.countries.filter((c) => countries.has(c.iso2)))
    await put(out, nodeXml('Country', country.iso2, country.name));

  // The second pass meets the rows the first reported, and leaves out the same.
  for await (const i of each(reader.incidents(filter, ignoreProblems))) {
    const id = `Incident:${i.key}`;
    for (const s of i.sectorIds) await put(out, edgeXml('TARGETED', id, `Sector:${s}`));
    for (const c of i.countries) await put(out, edgeXml('AFFECTED', id, `Country:${c.iso2}`));
    for (const o of i.organizationIds) await put(out, edgeXml('HIT', id, `Organization:${o}`));
    if (i.campaignId) await put(out, edgeXml('PART_OF', id, `Campaign:${i.campaignId}`));
    for (const url of i.sourceUrls)
      await put(out, edgeXml('REPORTED_BY', id, `Source:${sourceIdOf(url)}`));
    for (const claim of i.claims)
      await put(
        out,
        edgeXml('ATTRIBUTED_TO', id, `Actor:${claim.actorId}`, Number(claim.confidence ?? 0) / 100),
      );
  }
  for await (const a of each(reader.actors(scope.actors, ignoreProblems))) {
    const id = `Actor:${a.key}`;
    for (const t of a.origins)
      await put(out, edgeXml('ORIGINATES_FROM', id, `Country:${t.country}`));
    for (const t of a.sponsors) await put(out, edgeXml('SPONSORED_BY', id, `Country:${t.country}`));
    for (const t of a.targetSectors) await put(out, edgeXml('TARGETS', id, `Sector:${t.id}`));
    for (const t of a.targetCountries) await put(out, edgeXml('TARGETS', id, `Country:${t.id}`));
    for (const f of a.affiliations.filter((x) => exportedActor(x.actorId)))
      await put(out, edgeXml('AFFILIATED_WITH', id, `Actor:${f.actorId}`));
  }
  for await (const c of each(reader.campaigns(scope.campaigns, ignoreProblems)))
    for (const claim of c.claims)
      await put(
        out,
        edgeXml(
          'ATTRIBUTED_TO',
          `Campaign:${c.key}`,
          `Actor:${claim.actorId}`,
          Number(claim.confidence ?? 0) / 100,
        ),
      );
  for await (const o of each(reader.organizations(scope.organizations, ignoreProblems))) {
    for (const s of o.sectorIds)
      await put(out, edgeXml('IN_SECTOR', `Organization:${o.key}`, `Sector:${s}`));
    if (o.country)
      await put(out, edgeXml('LOCATED_IN', `Organization:${o.key}`, `Country:${o.country}`));
  }
  if (reader.report.count > 0)
    await put(out, `    <data key="incomplete">${escape(reader.report.summary)}</data>\n`);
  await put(out, '  </graph>\n</graphml>\n');
  return counts;
}
