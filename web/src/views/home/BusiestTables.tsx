import { CountTable } from '../../components/CountTable';
import { ActorLink, CountryLink, SectorLink } from '../../components/EntityLinks';
import { Section } from '../../components/Section';
import type { HomeQuery } from '../../gql/graphql';

/** The busiest actors, top-level sectors and countries of the filter's incidents, side by side. */
export function BusiestTables({
  topActors,
  topSectors,
  topCountries,
}: Pick<HomeQuery, 'topActors' | 'topSectors' | 'topCountries'>) {
  return (
    <div className="home-busiest">
      <Section title="Busiest actors">
        <CountTable
          caption="Incidents attributed to each"
          subject="Actor"
          totalCount={topActors.totalCount}
          empty="No actor is named for these incidents."
          rows={topActors.edges.map(({ node, ...dates }) => ({
            key: node.key,
            subject: <ActorLink actor={node} />,
            ...dates,
          }))}
        />
      </Section>
      <Section title="Most-hit sectors">
        <CountTable
          caption="Incidents per sector, sub-sectors included"
          subject="Sector"
          totalCount={topSectors.totalCount}
          empty="These incidents name no sector."
          rows={topSectors.edges.map(({ node, ...dates }) => ({
            key: node.key,
            subject: <SectorLink sector={node} />,
            ...dates,
          }))}
        />
      </Section>
      <Section title="Most-affected countries">
        <CountTable
          caption="Incidents affecting each"
          subject="Country"
          totalCount={topCountries.totalCount}
          empty="These incidents name no country."
          rows={topCountries.edges.map(({ node, ...dates }) => ({
            key: node.code,
            subject: <CountryLink country={node} />,
            ...dates,
          }))}
        />
      </Section>
    </div>
  );
}
