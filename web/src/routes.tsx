import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { preloadChart } from './charts/LazyChart';
import { AppShell } from './layout/AppShell';
import { withFilterBar } from './layout/route-handle';
import { RouteError } from './layout/RouteError';
import { ActorPage } from './views/ActorPage';
import { CountryPage } from './views/CountryPage';
import { Home } from './views/Home';
import { IncidentPage } from './views/IncidentPage';
import { NotFound } from './views/NotFound';
import { SearchPage } from './views/SearchPage';
import { SectorPage } from './views/SectorPage';

/**
 * A view that draws charts: its own code and the chart library load side by side, so that the
 * view sends its query while ECharts is still coming (see LazyChart).
 */
function chartView(load: () => Promise<ComponentType>) {
  return async () => {
    preloadChart();
    return { Component: await load() };
  };
}

/**
 * Every view has its own address. The graph and GraphiQL load on demand: sigma's WebGL renderer
 * and GraphiQL's editor are the bulk of the bundle, and the other views do not need them.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home />, handle: withFilterBar },
      { path: 'search', element: <SearchPage />, handle: withFilterBar },
      { path: 'actors/:id', element: <ActorPage />, handle: withFilterBar },
      { path: 'incidents/:id', element: <IncidentPage /> },
      { path: 'sectors/:id', element: <SectorPage />, handle: withFilterBar },
      { path: 'countries/:code', element: <CountryPage />, handle: withFilterBar },
      {
        path: 'graph',
        handle: withFilterBar,
        lazy: async () => ({ Component: (await import('./views/GraphView')).GraphView }),
      },
      {
        path: 'cross-border',
        handle: withFilterBar,
        lazy: chartView(
          async () => (await import('./views/cross-border/CrossBorderView')).CrossBorderView,
        ),
      },
      {
        path: 'matrix',
        handle: withFilterBar,
        lazy: chartView(async () => (await import('./views/MatrixView')).MatrixView),
      },
      {
        path: 'timeline',
        handle: withFilterBar,
        lazy: chartView(async () => (await import('./views/TimelineView')).TimelineView),
      },
      {
        path: 'map',
        handle: withFilterBar,
        lazy: chartView(async () => (await import('./views/map/MapView')).MapView),
      },
      {
        path: 'attribution',
        handle: withFilterBar,
        lazy: chartView(async () => (await import('./views/AttributionView')).AttributionView),
      },
      {
        path: 'graphiql',
        lazy: async () => ({ Component: (await import('./views/GraphiQLView')).GraphiQLView }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
