/**
 * A confidence on the STIX 0–100 scale, as a number with a bar beside it for scanning a list of
 * claims. The bar repeats the number, so it is hidden from screen readers.
 */
export function Confidence({ value }: { value: number | null }) {
  if (value === null) return <span className="confidence muted">not given</span>;
  return (
    <span className="confidence" data-confidence={value}>
      <meter min={0} max={100} low={35} high={70} optimum={100} value={value} aria-hidden />
      {value}
    </span>
  );
}
