/** Replaced by the view's own implementation. */
export function CountryPage() {
  return (
    <section className="page">
      <h1>Country</h1>
    </section>
  );
}
