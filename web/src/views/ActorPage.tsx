/** Replaced by the view's own implementation. */
export function ActorPage() {
  return (
    <section className="page">
      <h1>Actor</h1>
    </section>
  );
}
