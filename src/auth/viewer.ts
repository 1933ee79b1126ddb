import { roles, type Role } from '../domain/roles.js';

/** Who is asking, and with which role (see domain/roles.ts). */
export interface Viewer {
  /** The token's subject or the API key's name; `anonymous` without credentials. */
  readonly id: string;
  readonly role: Role | null;
  readonly via: 'jwt' | 'api-key' | 'anonymous';
}

export const anonymous: Viewer = { id: 'anonymous', role: null, via: 'anonymous' };

const rank = (role: Role | null): number => (role === null ? -1 : roles.indexOf(role));

export const hasRole = (viewer: Viewer, needed: Role): boolean => rank(viewer.role) >= rank(needed);

/** The highest of the roles a credential carries (unknown role names are no role). */
export function highestRole(names: readonly unknown[]): Role | null {
  const known = roles.filter((role) => names.includes(role));
  return known.at(-1) ?? null;
}
