/**
 * CSV formula injection (OWASP, "CSV Injection"): a spreadsheet opening a CSV file runs a cell that
 * starts with `=`, `+`, `-` or `@` as a formula (tab and carriage return lead to the same in some
 * of them), so an actor named `=HYPERLINK("https://…")` would become a live link, or worse, on the
 * analyst's machine. As OWASP recommends, such a text cell is written with a single quote in front,
 * which spreadsheets take as "this is text", and inside double quotes. Numbers are written as
 * numbers: they are not text a user typed, and a negative one must stay a number.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet can open it safely: text that would start a formula, quoted. */
export const neutralised = <C extends Cell>(cell: C): C | string =>
  typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;

/** The neutralised cells, for csv-stringify's `quoted_match`: always within double quotes. */
export const NEUTRALISED_CELL = /^'[=+\-@\t\r]/;
