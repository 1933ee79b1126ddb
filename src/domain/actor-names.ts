/**
 * The key under which actor names and aliases are compared: case, spaces and punctuation do not
 * tell actors apart ("APT 28" = "apt28", "Fancy-Bear" = "Fancy Bear"; "NoName057(16)" = "noname05716").
 */
export function actorNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\u0400-\u04ff]/g, '');
}

/** External ids compare without case or surrounding space (g0007 = G0007). */
export function externalIdKey(id: string): string {
  return id.trim().toUpperCase();
}
