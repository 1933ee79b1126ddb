/** Replaced by the view's own implementation. */
export function IncidentPage() {
  return (
    <section className="page">
      <h1>Incident</h1>
    </section>
  );
}
