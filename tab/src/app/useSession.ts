import { useCallback, useEffect, useMemo, useState } from 'react';
import { ANONYMOUS, type ApiClient, ApiError, type Credentials, createApiClient } from '../api/client.ts';
import type { LocalUser, Me } from '../api/types.ts';
import { forgetDemoUser, readDemoUser, takeDemoUserFromAddress, writeDemoUser } from '../local/demo-user.ts';

/** Who the tab is signed in as, or what it is waiting for. */
export type Session =
  | { readonly status: 'starting' }
  /** Local mode and nobody chosen yet: the sign-in picker of demo users. */
  | { readonly status: 'choosing'; readonly users: readonly LocalUser[] }
  | { readonly status: 'signed-in'; readonly me: Me; readonly client: ApiClient }
  | { readonly status: 'failed'; readonly error: unknown };

export interface SessionControls {
  readonly session: Session;
  readonly choose: (user: LocalUser) => void;
  readonly switchUser: () => void;
}

/**
 * Signs in with what the tab has (a demo user chosen earlier in this browser tab; a Teams SSO token in
 * azure mode, later), and falls back to the local-mode picker when the API does not know the user.
 *
 * @remarks The server, not the tab, says whether it runs in local mode: `/api/local/users` exists only
 * there, so a 401 with no such list is a real sign-in failure and is shown as one.
 */
export function useSession(): SessionControls {
  const [session, setSession] = useState<Session>({ status: 'starting' });

  const signIn = useCallback(async (credentials: Credentials): Promise<Session> => {
    const client = createApiClient(credentials);
    try {
      return { status: 'signed-in', me: await client.me(), client };
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) return { status: 'failed', error };
      if (credentials.kind === 'demo-user') forgetDemoUser();
      return offerPicker(error);
    }
  }, []);

  useEffect(() => {
    let current = true;
    const userId = takeDemoUserFromAddress() ?? readDemoUser();
    signIn(userId ? { kind: 'demo-user', userId } : ANONYMOUS).then((next) => current && setSession(next));
    return () => {
      current = false;
    };
  }, [signIn]);

  const choose = useCallback(
    (user: LocalUser) => {
      writeDemoUser(user.id);
      setSession({ status: 'starting' });
      signIn({ kind: 'demo-user', userId: user.id }).then(setSession);
    },
    [signIn],
  );

  const switchUser = useCallback(() => {
    forgetDemoUser();
    setSession({ status: 'starting' });
    offerPicker(undefined).then(setSession);
  }, []);

  return useMemo(() => ({ session, choose, switchUser }), [session, choose, switchUser]);
}

async function offerPicker(signInError: unknown): Promise<Session> {
  try {
    const { users } = await createApiClient(ANONYMOUS).localUsers();
    return { status: 'choosing', users };
  } catch (error) {
    return { status: 'failed', error: signInError ?? error };
  }
}
