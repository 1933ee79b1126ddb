import type {
  AuthenticationMethod,
  Resolvers,
  ViewerRole,
} from '../__generated__/resolvers-types.js';
import { permissionsOf } from '../auth/authorize.js';
import type { Viewer } from '../auth/viewer.js';
import type { Role } from '../domain/roles.js';

const roleNames: Record<Role, ViewerRole> = { viewer: 'VIEWER', editor: 'EDITOR', admin: 'ADMIN' };

const methods: Record<Viewer['via'], AuthenticationMethod | null> = {
  'api-key': 'API_KEY',
  jwt: 'TOKEN',
  anonymous: null,
};

export const viewerResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, { viewer }) => viewer,
  },
  Viewer: {
    id: (viewer) => (viewer.via === 'anonymous' ? null : viewer.id),
    role: (viewer) => (viewer.role === null ? null : roleNames[viewer.role]),
    via: (viewer) => methods[viewer.via],
    canRead: (viewer) => permissionsOf(viewer).canRead,
    canEdit: (viewer) => permissionsOf(viewer).canEdit,
    canAdminister: (viewer) => permissionsOf(viewer).canAdminister,
  },
};
