import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createApiClient } from './client';
import { credentialOf, storeCredential, storedCredential, type Credential } from './credential';

interface Session {
  credential: Credential | null;
  /** Keeps the pasted key or token for this tab; false when nothing usable was pasted. */
  signIn: (pasted: string) => boolean;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in credential and the GraphQL client that sends it, for the whole explorer. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [credential, setCredential] = useState<Credential | null>(storedCredential);
  const client = useMemo(() => createApiClient(credential), [credential]);
  const session = useMemo<Session>(
    () => ({
      credential,
      signIn: (pasted) => {
        const next = credentialOf(pasted);
        if (next === null) return false;
        storeCredential(next);
        setCredential(next);
        return true;
      },
      signOut: () => {
        storeCredential(null);
        setCredential(null);
      },
    }),
    [credential],
  );
  return (
    <SessionContext.Provider value={session}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession is used outside SessionProvider');
  return session;
}
