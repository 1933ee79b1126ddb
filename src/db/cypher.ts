import type { CypherQuery, QueryParams } from './database.js';

/**
 * Cypher as values. A fragment is an immutable piece of statement text with the values it carries;
 * fragments compose by interpolation, and names are given out only when a whole statement is
 * rendered. So no builder writes into a shared parameter object, two fragments that both carry
 * "a confidence" never overwrite each other's value, and a subquery's own variables never capture
 * a caller's: each parameter and each local variable gets a name of its own at rendering.
 *
 * Text between interpolations is written by us; values never enter it. A label or a property name
 * that must be spliced in (from an allow-list, never from input) goes through `trusted`.
 */
export class Fragment {
  readonly #pieces: readonly Piece[];

  private constructor(pieces: readonly Piece[]) {
    this.#pieces = Object.freeze([...pieces]);
  }

  /** Internal to this module: use the `fragment` tag, `trusted` and `join`. */
  static of(pieces: readonly Piece[]): Fragment {
    return new Fragment(pieces);
  }

  get pieces(): readonly Piece[] {
    return this.#pieces;
  }

  get isEmpty(): boolean {
    return this.#pieces.every((piece) =>
      typeof piece === 'string' ? piece.trim() === '' : piece instanceof Fragment && piece.isEmpty,
    );
  }
}

/** A value that travels as a parameter; `hint` becomes its name unless another value took it. */
export class Param {
  constructor(
    readonly value: unknown,
    readonly hint: string,
  ) {}
}

/**
 * A variable a fragment binds for itself (inside a subquery). It is rendered as its hint with a
 * number (`vt_1`), a shape the variables written into fragments' text never take, so it can capture
 * none of them and none of them can capture it.
 */
export class Variable {
  constructor(readonly hint: string) {}
}

type Piece = string | Param | Variable | Fragment;
/** What a fragment may interpolate: never a bare string, so no value is spliced into text. */
export type Interpolation = Param | Variable | Fragment;

export const param = (value: unknown, hint: string): Param => new Param(value, hint);
export const variable = (hint: string): Variable => new Variable(hint);

/** The tag: fragment`MATCH (i:Incident) WHERE i.endDate >= date(${param(from, 'from')})`. */
export function fragment(strings: TemplateStringsArray, ...values: Interpolation[]): Fragment {
  const pieces: Piece[] = [];
  strings.forEach((text, index) => {
    pieces.push(text);
    const value = values[index];
    if (value !== undefined) pieces.push(value);
  });
  return Fragment.of(pieces);
}

/** Text from an allow-list (a label, a relationship type, a property name), never from input. */
export const trusted = (text: string): Fragment => Fragment.of([text]);

export const EMPTY: Fragment = Fragment.of([]);

/** The fragments that hold something, with `separator` between them. */
export function join(fragments: readonly Fragment[], separator: string): Fragment {
  const pieces: Piece[] = [];
  for (const fragment of fragments.filter((f) => !f.isEmpty)) {
    if (pieces.length > 0) pieces.push(separator);
    pieces.push(fragment);
  }
  return Fragment.of(pieces);
}

/** Conditions ANDed together, each in brackets of its own where it holds an OR. */
export const and = (conditions: readonly Fragment[]): Fragment => join(conditions, ' AND ');

/** `WHERE` and the conditions ANDed, or nothing when there are none. */
export function where(conditions: readonly Fragment[]): Fragment {
  const all = and(conditions);
  return all.isEmpty ? EMPTY : fragment`WHERE ${all}`;
}

export interface Rendered {
  readonly text: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * Gives names out in order of first appearance. A parameter is named by its hint, then by the hint
 * with a number (`$from`, `$from2`); a variable always by its hint and a number (`vt_1`).
 */
class Names {
  readonly #given = new Map<Param | Variable, string>();
  readonly #taken = new Set<string>();

  of(holder: Param | Variable): string {
    const known = this.#given.get(holder);
    if (known !== undefined) return known;
    const numbered = (n: number) =>
      holder instanceof Variable
        ? `${holder.hint}_${n}`
        : n === 1
          ? holder.hint
          : `${holder.hint}${n}`;
    let n = 1;
    while (this.#taken.has(numbered(n))) n += 1;
    const name = numbered(n);
    this.#taken.add(name);
    this.#given.set(holder, name);
    return name;
  }
}

/** The statement's text and its parameters, each value under the name its placeholders use. */
export function render(fragment: Fragment): Rendered {
  const names = new Names();
  const params: Record<string, unknown> = {};
  const write = (piece: Piece): string => {
    if (typeof piece === 'string') return piece;
    if (piece instanceof Fragment) return piece.pieces.map(write).join('');
    const name = names.of(piece);
    if (piece instanceof Variable) return name;
    params[name] = piece.value;
    return `$${name}`;
  };
  return { text: write(fragment), params };
}

/** A named statement ready for the executor: `executor.read(built.query, built.params)`. */
export interface Statement<Row> {
  readonly query: CypherQuery<Row>;
  readonly params: QueryParams;
}

export function statement<Row>(name: string, body: Fragment): Statement<Row> {
  const { text, params } = render(body);
  return { query: { name, text }, params };
}

/** A `MATCH` (or a call) binding a variable, and the conditions its rows must meet, to be ANDed. */
export interface Selection {
  readonly match: Fragment;
  readonly conditions: readonly Fragment[];
}
