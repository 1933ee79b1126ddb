/** Replaced by the view's own implementation. */
export function GraphiQLView() {
  return (
    <section className="page">
      <h1>GraphiQL</h1>
    </section>
  );
}
