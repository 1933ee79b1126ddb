import { useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { CombinedError } from 'urql';
import { credentialOf } from '../api/credential';
import { problemOf } from '../api/problem';
import { useSession } from '../api/session';
import { refusalOf } from '../api/viewer';

interface SignInFormProps {
  id: string;
  onSignedIn: () => void;
  onCancel: () => void;
}

/** Why the API refused a pasted credential, in words the analyst can act on. */
const explain = (refusal: CombinedError): string => {
  const problem = problemOf(refusal);
  return problem.kind === 'signIn'
    ? `The API refused this key or token: ${problem.detail}`
    : `${problem.title}. ${problem.detail}`;
};

/**
 * The small form the header's "Sign in" opens: paste an API key or a token. The API is asked who
 * it names first; only a credential it accepts is kept, so a refused one leaves the analyst as
 * they were. Escape closes the form.
 */
export function SignInForm({ id, onSignedIn, onCancel }: SignInFormProps) {
  const { signIn } = useSession();
  const [pasted, setPasted] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const candidate = credentialOf(pasted);
    if (candidate === null) {
      setRefusal('Paste an API key or a token first.');
      return;
    }
    setChecking(true);
    const refused = await refusalOf(candidate);
    setChecking(false);
    if (refused !== null) {
      setRefusal(explain(refused));
      return;
    }
    signIn(pasted);
    onSignedIn();
  };

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };

  return (
    <form
      id={id}
      className="sign-in-form"
      aria-label="Sign in"
      onSubmit={(event) => void submit(event)}
      onKeyDown={closeOnEscape}
    >
      <label htmlFor={`${id}-credential`}>API key or token</label>
      <input
        id={`${id}-credential`}
        type="password"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={pasted}
        onChange={(event) => {
          setPasted(event.target.value);
        }}
        aria-invalid={refusal !== null}
        aria-describedby={refusal === null ? `${id}-hint` : `${id}-refusal`}
      />
      {refusal === null ? (
        <p id={`${id}-hint`} className="sign-in-hint">
          Kept in this tab only: closing it signs you out.
        </p>
      ) : (
        <p id={`${id}-refusal`} className="sign-in-refusal" role="alert">
          {refusal}
        </p>
      )}
      <div className="sign-in-actions">
        <button type="submit" className="primary" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
