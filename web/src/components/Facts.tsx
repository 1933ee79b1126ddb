import { Children, type ReactNode } from 'react';

/** The facts about one object, as terms and values laid out in a grid. */
export function Facts({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={className ? `facts ${className}` : 'facts'}>{children}</dl>;
}

/** One fact; a value nobody knows is said so rather than left blank. */
export function Fact({
  term,
  field,
  children,
}: {
  term: string;
  /** Names the value for tests and styles (`data-field`). */
  field?: string;
  children?: ReactNode;
}) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-field={field}>
        {Children.toArray(children).length === 0 ? (
          <span className="muted">not known</span>
        ) : (
          children
        )}
      </dd>
    </div>
  );
}

/** Short values shown as tags (aliases, motivations, attack types). */
export function Tags({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <span className="muted">none recorded</span>;
  return values.map((value) => (
    <span className="tag" key={value}>
      {value}
    </span>
  ));
}
