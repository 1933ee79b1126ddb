import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ChartPanel } from '../../charts/ChartPanel';
import type { ChartQuery } from '../../charts/chart-files';
import type { ChartEvent } from '../../charts/echarts';
import { AddressProblems } from '../../components/AddressProblems';
import { QueryState } from '../../components/QueryState';
import { useIncidentFilter } from '../../filter/use-filter';
import { graphql } from '../../gql';
import type { MapViewQuery } from '../../gql/graphql';
import { countryPath } from '../../links';
import { ArcsTable } from './ArcsTable';
import {
  arcsOf,
  boundsAround,
  countryShade,
  MAP_NAME,
  mapOption,
  shadeTable,
  type Shade,
} from './map-data';
import { mapAddressOf } from './map-address';
import { MapControls } from './MapControls';
import { ShadeTable } from './ShadeTable';
import { world } from './world';

/**
 * How many countries and cross-border lines the map asks for. Every country there is fits in one
 * page (the API allows 500); the arcs come from the busiest lines, said so under the map.
 */
const COUNTRIES = 300;
const LINES = 200;

const MapViewQuery = graphql(`
  query MapView($filter: IncidentFilter, $countries: Int!, $lines: Int!, $origins: Boolean!) {
    topCountries(filter: $filter, first: $countries) @skip(if: $origins) {
      ...ShadedCountries
    }
    topOrigins(filter: $filter, first: $countries) @include(if: $origins) {
      ...ShadedCountries
    }
    crossBorder(filter: $filter, first: $lines) {
      totalCount
      edges {
        node {
          origin {
            code
            name
          }
          affectedCountry {
            code
            name
          }
          incidentCount
        }
      }
    }
    regions {
      name
      kind
      countries {
        code
      }
    }
  }

  fragment ShadedCountries on CountryCountConnection {
    totalCount
    edges {
      incidentCount
      node {
        code
        name
      }
    }
  }
`);

const worldMap = { [MAP_NAME]: world.geoJson };

/** A world map of the filter's incidents: where they struck, or where their actors come from. */
export function MapView() {
  const { filter } = useIncidentFilter();
  const [params] = useSearchParams();
  const { address, problems } = mapAddressOf(params);
  const variables = {
    filter,
    countries: COUNTRIES,
    lines: LINES,
    origins: address.shading === 'origins',
  };
  const [{ data, fetching, error }] = useQuery({ query: MapViewQuery, variables });
  return (
    <section className="page map-view">
      <h1>Map</h1>
      <AddressProblems problems={problems} />
      <QueryState what="the map" fetching={fetching} error={error} data={data}>
        {(answer) => (
          <MapAnswer
            answer={answer}
            shading={address.shading}
            query={{ document: MapViewQuery, variables }}
          />
        )}
      </QueryState>
    </section>
  );
}

interface MapAnswerProps {
  answer: MapViewQuery;
  shading: Shade['shading'];
  query: ChartQuery;
}

function MapAnswer({ answer, shading, query }: MapAnswerProps) {
  const { filter, carried } = useIncidentFilter();
  const navigate = useNavigate();
  const onMap = useMemo(() => new Set(world.centroids.keys()), []);
  const shade = useMemo(
    () =>
      countryShade(
        shading,
        (shading === 'origins' ? answer.topOrigins : answer.topCountries)?.edges ?? [],
        onMap,
      ),
    [answer, shading, onMap],
  );
  const arcs = useMemo(
    () =>
      arcsOf(
        answer.crossBorder.edges.map((edge) => edge.node),
        world.centroids,
      ),
    [answer],
  );
  const regionCodes = useMemo(() => {
    const chosen = new Set(filter.regions ?? []);
    return answer.regions
      .filter((region) => chosen.has(region.name))
      .flatMap((region) => region.countries.map((country) => country.code));
  }, [answer, filter.regions]);
  const option = useMemo(
    () => mapOption(shade, arcs.arcs, world.centroids, boundsAround(regionCodes, world.bounds)),
    [shade, arcs, regionCodes],
  );
  const table = useMemo(() => shadeTable(shade), [shade]);
  const named = new Set(shade.countries.map((country) => country.code));

  const openCountry = (event: ChartEvent) => {
    if (event.seriesType === 'lines') return;
    if (named.has(event.name)) void navigate(`${countryPath(event.name)}${carried}`);
  };
  const title =
    shading === 'affected'
      ? 'Countries by incidents that affected them'
      : 'Countries by the incidents of the actors claimed to come from them';

  return (
    <>
      <ChartPanel
        title={title}
        fileName="map"
        option={option}
        table={table}
        query={query}
        height={560}
        onClick={openCountry}
        controls={<MapControls shading={shading} regions={answer.regions} />}
        maps={worldMap}
      />
      <TooSmall shade={shade} carried={carried} />
      {shading === 'origins' && (
        <p className="muted" data-testid="unknown-origin">
          An incident counts for each country its actors are claimed to come from; unattributed
          incidents and actors of unknown origin count for none.{' '}
          <Link to={`/cross-border${carried}`}>The cross-border view</Link> lists the actors of
          unknown origin apart.
        </p>
      )}
      <ShadeTable shade={shade} carried={carried} />
      <ArcsTable
        arcs={arcs}
        shown={answer.crossBorder.edges.length}
        totalCount={answer.crossBorder.totalCount}
        carried={carried}
      />
    </>
  );
}

/** Countries counted but too small to draw at this scale: named, never silently dropped. */
function TooSmall({ shade, carried }: { shade: Shade; carried: string }) {
  if (shade.tooSmall.length === 0) return null;
  const what = shade.shading === 'affected' ? 'also affected' : 'also origins';
  return (
    <p className="too-small" data-testid="too-small">
      {what}, too small for the map:{' '}
      {shade.tooSmall.map((country, index) => (
        <span key={country.code}>
          {index > 0 && ', '}
          <Link to={`${countryPath(country.code)}${carried}`}>{country.name}</Link> ({country.value}
          )
        </span>
      ))}
    </p>
  );
}
