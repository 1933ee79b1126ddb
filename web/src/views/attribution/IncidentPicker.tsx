import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useIncidentFilter } from '../../filter/use-filter';
import { withIncident } from './workbench-address';

/**
 * Any incident by its id (the key in its page's address, or its global id), for incidents the
 * list does not show: attributed ones, to see what the graph alone would have suggested.
 */
export function IncidentPicker({ current }: { current: string | null }) {
  const [params, setParams] = useSearchParams();
  const { carried } = useIncidentFilter();
  const [text, setText] = useState(current ?? '');
  return (
    <form
      className="incident-picker"
      role="search"
      aria-label="Pick an incident"
      onSubmit={(event) => {
        event.preventDefault();
        const key = text.trim().replace(/^Incident:/, '');
        if (key !== '') setParams(withIncident(params, key));
      }}
    >
      <label>
        Incident id{' '}
        <input
          value={text}
          onChange={(event) => {
            setText(event.target.value);
          }}
          placeholder="2022-02-viasat-ka-sat"
        />
      </label>{' '}
      <button type="submit">Weigh candidates</button>{' '}
      {current !== null && (
        <button
          type="button"
          onClick={() => {
            setText('');
            setParams(withIncident(params, null));
          }}
        >
          Back to the unattributed list
        </button>
      )}{' '}
      <span className="muted">
        or find one with <Link to={`/search${carried}`}>search</Link>.
      </span>
    </form>
  );
}
