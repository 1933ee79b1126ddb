import { Link } from 'react-router';
import { Empty } from '../../components/QueryState';
import { countryPath } from '../../links';
import type { Shade } from './map-data';

/** The shaded countries, busiest first, each a link to its page with the filter. */
export function ShadeTable({ shade, carried }: { shade: Shade; carried: string }) {
  if (shade.countries.length === 0)
    return (
      <Empty>
        {shade.shading === 'affected'
          ? 'These incidents name no country.'
          : 'No actor named by these incidents’ claims has a claimed origin.'}
      </Empty>
    );
  const origins = shade.shading === 'origins';
  return (
    <table className="count-table" data-testid="shade-table">
      <caption>
        {origins
          ? 'Incidents per origin country of their actors'
          : 'Incidents per affected country'}
      </caption>
      <thead>
        <tr>
          <th scope="col">{origins ? 'Origin' : 'Country'}</th>
          <th scope="col" className="number">
            {shade.measure}
          </th>
        </tr>
      </thead>
      <tbody>
        {shade.countries.map((country) => (
          <tr key={country.code} data-code={country.code}>
            <th scope="row">
              <Link to={`${countryPath(country.code)}${carried}`}>{country.name}</Link>
            </th>
            <td className="number">{country.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
