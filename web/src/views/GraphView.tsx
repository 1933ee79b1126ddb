/** Replaced by the view's own implementation. */
export function GraphView() {
  return (
    <section className="page">
      <h1>Graph</h1>
    </section>
  );
}
