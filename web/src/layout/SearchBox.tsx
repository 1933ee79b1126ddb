/** Replaced by the search box with suggestions. */
export function SearchBox() {
  return null;
}
