/** Who may do what. Roles nest: an admin may do what an editor may, an editor what a viewer may. */
export const roles = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];
