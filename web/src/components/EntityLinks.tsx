import { Link } from 'react-router';
import { useIncidentFilter } from '../filter/use-filter';
import { actorPath, countryPath, incidentPath, sectorPath } from '../links';
import { InlineList } from './InlineList';

/*
 * Links to the pages of actors, incidents, sectors and countries. Each carries the shared filter,
 * so following a link keeps the question the analyst was asking.
 */

function FilteredLink({ to, children }: { to: string; children: string }) {
  const { carried } = useIncidentFilter();
  return <Link to={`${to}${carried}`}>{children}</Link>;
}

export function ActorLink({ actor }: { actor: { key: string; name: string } }) {
  return <FilteredLink to={actorPath(actor.key)}>{actor.name}</FilteredLink>;
}

export function IncidentLink({ incident }: { incident: { key: string; title: string } }) {
  return <FilteredLink to={incidentPath(incident.key)}>{incident.title}</FilteredLink>;
}

export function SectorLink({ sector }: { sector: { key: string; name: string } }) {
  return <FilteredLink to={sectorPath(sector.key)}>{sector.name}</FilteredLink>;
}

export function CountryLink({ country }: { country: { code: string; name: string } }) {
  return <FilteredLink to={countryPath(country.code)}>{country.name}</FilteredLink>;
}

/** Sectors as a line of links (a dash when there are none). */
export function SectorLinks({ sectors }: { sectors: readonly { key: string; name: string }[] }) {
  return (
    <InlineList>
      {sectors.map((sector) => (
        <li key={sector.key}>
          <SectorLink sector={sector} />
        </li>
      ))}
    </InlineList>
  );
}

/** Countries as a line of links (a dash when there are none). */
export function CountryLinks({
  countries,
}: {
  countries: readonly { code: string; name: string }[];
}) {
  return (
    <InlineList>
      {countries.map((country) => (
        <li key={country.code}>
          <CountryLink country={country} />
        </li>
      ))}
    </InlineList>
  );
}
