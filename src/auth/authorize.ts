import { appError, ErrorCode } from '../errors.js';
import type { Role } from '../domain/roles.js';
import { hasRole, type Viewer } from './viewer.js';

/**
 * Lets the action through only for a viewer with the role: UNAUTHENTICATED when nobody is named
 * (send a token or key), FORBIDDEN when someone is but lacks the role.
 */
export function requireRole(viewer: Viewer, role: Role, action: string): void {
  if (hasRole(viewer, role)) return;
  if (viewer.via === 'anonymous')
    throw appError(
      ErrorCode.UNAUTHENTICATED,
      `${action} needs a token or API key with the role ${role}.`,
      { requiredRole: role },
    );
  throw appError(
    ErrorCode.FORBIDDEN,
    `${action} needs the role ${role}; ${viewer.id} has the role ${viewer.role ?? 'none'}.`,
    { requiredRole: role },
  );
}

/** What a viewer may do, on the role ladder `requireRole` enforces for every write. */
export interface Permissions {
  readonly canRead: boolean;
  readonly canEdit: boolean;
  readonly canAdminister: boolean;
}

/**
 * The permissions of the viewer of a request being answered. Reading needs no role of its own:
 * where reads need a credential, a request without one was refused before it was answered.
 */
export function permissionsOf(viewer: Viewer): Permissions {
  return {
    canRead: true,
    canEdit: hasRole(viewer, 'editor'),
    canAdminister: hasRole(viewer, 'admin'),
  };
}
