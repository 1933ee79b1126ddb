/** What a route tells the frame around it: whether its view shows the shared filter bar. */
export interface RouteHandle {
  filterBar: boolean;
}

/** The handle of views that show the filter bar (its state lives in the query string). */
export const withFilterBar: RouteHandle = { filterBar: true };

export const showsFilterBar = (handle: unknown): boolean =>
  typeof handle === 'object' &&
  handle !== null &&
  (handle as Partial<RouteHandle>).filterBar === true;
