import { CountryLink, SectorLinks } from '../../components/EntityLinks';
import { Fact, Facts } from '../../components/Facts';
import { InlineList } from '../../components/InlineList';
import { graphql } from '../../gql';
import type { IncidentPlacesFragment } from '../../gql/graphql';

graphql(`
  fragment IncidentPlaces on Incident {
    sectors {
      key
      name
    }
    countries {
      primary
      country {
        code
        name
      }
    }
    regions
  }
`);

/** The sectors it hit, the countries it affected (the main victim's apart from spill-over). */
export function IncidentPlaces({ incident }: { incident: IncidentPlacesFragment }) {
  return (
    <Facts>
      <Fact term="Sectors" field="sectors">
        <SectorLinks sectors={incident.sectors} />
      </Fact>
      <Fact term="Countries" field="countries">
        <InlineList>
          {incident.countries.map(({ country, primary }) => (
            <li key={country.code} data-primary={primary}>
              <CountryLink country={country} />{' '}
              <span className="muted">({primary ? 'primary' : 'spill-over'})</span>
            </li>
          ))}
        </InlineList>
      </Fact>
      {incident.regions.length > 0 && (
        <Fact term="Regions" field="regions">
          <InlineList>
            {incident.regions.map((region) => (
              <li key={region}>{region}</li>
            ))}
          </InlineList>
        </Fact>
      )}
    </Facts>
  );
}
