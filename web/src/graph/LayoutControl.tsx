import type { LayoutState } from './layout.js';

const said: Record<LayoutState, string> = {
  running: 'Laying out…',
  settled: 'Layout settled.',
  timeLimit: 'Layout stopped at its time limit.',
  stopped: 'Layout stopped.',
};

/** Where the layout is, and a button to stop it or run it again. */
export function LayoutControl({
  state,
  onRun,
  onStop,
}: {
  state: LayoutState;
  onRun: () => void;
  onStop: () => void;
}) {
  return (
    <p className="graph-layout">
      <span role="status" data-layout={state}>
        {said[state]}
      </span>{' '}
      {state === 'running' ? (
        <button type="button" onClick={onStop}>
          Stop layout
        </button>
      ) : (
        <button type="button" onClick={onRun}>
          Run layout again
        </button>
      )}
    </p>
  );
}
