import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A native disclosure (`<details>`) whose body floats over the page: keyboard-usable as it is
 * (Enter or Space on the summary), closed by Escape or by a click elsewhere, like a menu.
 */
export function MenuDetails({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      const details = ref.current;
      if (details && event.target instanceof Node && !details.contains(event.target))
        details.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
    };
  }, [open]);

  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const details = event.currentTarget;
    if (event.key !== 'Escape' || !details.open) return;
    event.stopPropagation();
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  return (
    <details
      ref={ref}
      className="filter-menu"
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
      onKeyDown={closeOnEscape}
    >
      <summary>{summary}</summary>
      <div className="filter-menu-body">{children}</div>
    </details>
  );
}

/** A menu's summary: its name, and how many of its values are chosen. */
export function MenuSummary({ label, count }: { label: string; count: number }) {
  return (
    <>
      {label}
      {count > 0 && <span className="filter-count"> ({count})</span>}
    </>
  );
}
