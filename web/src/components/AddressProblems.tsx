/**
 * What a view could not take from its address (a setting it does not offer), one alert each: the
 * view shows its default instead and says so rather than failing or ignoring it silently.
 */
export function AddressProblems({ problems }: { problems: readonly string[] }) {
  return problems.map((problem) => (
    <p key={problem} className="state state-error" role="alert">
      {problem}
    </p>
  ));
}
