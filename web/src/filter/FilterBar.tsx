/** Replaced by the shared filter bar. */
export function FilterBar() {
  return <div className="filter-bar" />;
}
