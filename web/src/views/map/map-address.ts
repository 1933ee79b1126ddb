// With its extension: the unit tests type-check this module under the server's NodeNext resolution.
import { shadings, type Shading } from './map-data.js';

/** The map's own state in the address: what it shades (`shade=origins`; affected by default). */
export function mapAddressOf(params: URLSearchParams): {
  address: { shading: Shading };
  problems: string[];
} {
  const raw = params.get('shade');
  const shading = shadings.find((shading) => shading === raw);
  if (raw === null || shading !== undefined)
    return { address: { shading: shading ?? shadings[0] }, problems: [] };
  return {
    address: { shading: shadings[0] },
    problems: [
      `“${raw}” is not a shading this map knows (${shadings.join(', ')}): showing ${shadings[0]}.`,
    ],
  };
}
