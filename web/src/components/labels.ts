/**
 * The API's enum values (`SECURITY_INDUSTRY`, `STATE_SPONSORED`) as words for the page: the value
 * itself stays the API's, only its spelling changes.
 */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
