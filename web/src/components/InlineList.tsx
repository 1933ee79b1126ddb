import { Children, type ReactNode } from 'react';

/** A short list read as a line ("Energy, Health"); a dash when it is empty. */
export function InlineList({ children }: { children: ReactNode }) {
  if (Children.toArray(children).length === 0) return <span className="muted">—</span>;
  return <ul className="inline-list">{children}</ul>;
}
