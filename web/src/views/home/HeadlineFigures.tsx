import type { HomeQuery } from '../../gql/graphql';

const figures: readonly { key: keyof HomeQuery['stats']; label: string }[] = [
  { key: 'incidents', label: 'Incidents' },
  { key: 'actors', label: 'Actors' },
  { key: 'sectors', label: 'Sectors' },
  { key: 'countriesAffected', label: 'Countries affected' },
  { key: 'attributedIncidents', label: 'Attributed' },
  { key: 'unattributedIncidents', label: 'Unattributed' },
];

/** The filter's headline numbers (`stats`). */
export function HeadlineFigures({ stats }: { stats: HomeQuery['stats'] }) {
  return (
    <dl className="figures">
      {figures.map(({ key, label }) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-figure={key}>{stats[key].toLocaleString('en')}</dd>
        </div>
      ))}
    </dl>
  );
}
