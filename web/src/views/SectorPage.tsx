/** Replaced by the view's own implementation. */
export function SectorPage() {
  return (
    <section className="page">
      <h1>Sector</h1>
    </section>
  );
}
