/** Replaced by the view's own implementation. */
export function SearchPage() {
  return (
    <section className="page">
      <h1>Search</h1>
    </section>
  );
}
