/**
 * One of a view's settings read from its address (beside the shared filter): the value of the
 * parameter `name` when it is one of `values`; undefined when the address does not name it, or
 * names a value the view does not offer, which `problem` puts into a sentence added to `problems`
 * (the view then shows its default and says so, never sending the value to the API).
 */
export function addressSetting<T extends string | number>(
  params: URLSearchParams,
  name: string,
  values: readonly T[],
  problems: string[],
  problem: (raw: string) => string,
  /** The value as written, made comparable with the offered ones (as written, by default). */
  normalise: (raw: string) => string = (raw) => raw,
): T | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const written = normalise(raw);
  const value = values.find((offered) => String(offered) === written);
  if (value === undefined) problems.push(problem(raw));
  return value;
}

/** The address with the view's parameter `name` set to `value`; the filter's and others' are kept. */
export function withAddressSetting(
  params: URLSearchParams,
  name: string,
  value: string | number,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set(name, String(value));
  return next;
}
