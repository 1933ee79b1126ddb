// With its extension: the unit tests type-check this module under the server's NodeNext resolution.
import { addressSetting } from '../../components/address-setting.js';
import { shadings, type Shading } from './map-data.js';

/** The map's own state in the address: what it shades (`shade=origins`; affected by default). */
export function mapAddressOf(params: URLSearchParams): {
  address: { shading: Shading };
  problems: string[];
} {
  const problems: string[] = [];
  const shading = addressSetting(
    params,
    'shade',
    shadings,
    problems,
    (raw) =>
      `“${raw}” is not a shading this map knows (${shadings.join(', ')}): showing ${shadings[0]}.`,
  );
  return { address: { shading: shading ?? shadings[0] }, problems };
}
