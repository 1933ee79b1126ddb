import { useEffect, useRef, useState } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { problemOf } from '../api/problem';
import { allowanceOf, ViewerQuery, type Viewer } from '../api/viewer';
import type { Credential } from '../api/credential';
import { useSession } from '../api/session';
import { SignInForm } from './SignInForm';

const formId = 'sign-in-form';

const methodNames = { API_KEY: 'API key', TOKEN: 'token' } as const;

interface ViewerStatusProps {
  viewer: Viewer | undefined;
  error: CombinedError | undefined;
}

/** Who the explorer asks as, and what that allows; read-only when no one is signed in. */
function ViewerStatus({ viewer, error }: ViewerStatusProps) {
  if (error && problemOf(error).kind === 'signIn') return <>Sign in to read</>;
  if (viewer === undefined) return null;
  if (viewer.id === null || viewer.role === null) return <>Read-only</>;
  return (
    <>
      <strong>{viewer.id}</strong>
      {viewer.via !== null && ` (${methodNames[viewer.via]})`}{' '}
      <span className="tag">{viewer.role.toLowerCase()}</span> {allowanceOf(viewer)}
    </>
  );
}

/**
 * The header's sign-in control: a button opening a small form to paste an API key or a token, and
 * once signed in, who and what the role allows, and a button to sign out (the same button, so
 * focus stays put). A kept credential the API later refuses (an expired token, a revoked key)
 * signs the analyst out, saying so, rather than leaving every view refused.
 */
export function SignIn() {
  const { credential, signOut } = useSession();
  const [{ data, error, fetching }] = useQuery({ query: ViewerQuery });
  const [open, setOpen] = useState(false);
  const [refusedCredential, setRefusedCredential] = useState<Credential | null>(null);
  const control = useRef<HTMLButtonElement>(null);

  // While the answer for a new credential is on its way, the previous one's error is still shown.
  const refused =
    credential !== null && !fetching && error !== undefined && problemOf(error).kind === 'signIn';
  // Remembered while rendering (not in an effect), so the notice shows in the same pass.
  if (refused && refusedCredential !== credential) setRefusedCredential(credential);
  useEffect(() => {
    if (refused) signOut();
  }, [refused, signOut]);

  const close = () => {
    setOpen(false);
    control.current?.focus();
  };

  return (
    <div className="sign-in">
      <span className="viewer-status" aria-live="polite">
        <ViewerStatus viewer={data?.viewer} error={error} />
      </span>
      {credential === null ? (
        <button
          ref={control}
          type="button"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => {
            setOpen(!open);
          }}
        >
          Sign in
        </button>
      ) : (
        <button ref={control} type="button" onClick={signOut}>
          Sign out
        </button>
      )}
      {open && credential === null && (
        <SignInForm
          id={formId}
          onSignedIn={() => {
            setRefusedCredential(null);
            close();
          }}
          onCancel={close}
        />
      )}
      {refusedCredential !== null && credential === null && (
        <p className="sign-in-notice" role="alert">
          The API no longer accepts your key or token: you were signed out.
        </p>
      )}
    </div>
  );
}
