import { useId, type ReactNode } from 'react';

/** A titled part of a page: a landmark named by its heading, so it can be found and jumped to. */
export function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
