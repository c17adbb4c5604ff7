import { useCallback, useEffect, useMemo, useState } from 'react';
import { ANONYMOUS, type ApiClient, ApiError, type Credentials, createApiClient } from '../api/client.ts';
import type { LocalUser, Me } from '../api/types.ts';
import { azureTokenSource } from '../auth/azure-sign-in.ts';
import type { Host } from '../host/teams-host.ts';
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
 * Signs in with what the tab has: in azure mode a token from Teams SSO or MSAL (auth/azure-sign-in.ts);
 * in local mode a demo user chosen earlier in this browser tab, or the picker.
 *
 * @remarks The server, not the tab, says which mode it runs in (`GET /api/sign-in`). In azure mode a
 * refusal is a real sign-in failure and is shown as one; the picker exists only in local mode.
 */
export function useSession(host: Host): SessionControls {
  const [session, setSession] = useState<Session>({ status: 'starting' });

  const signIn = useCallback(async (credentials: Credentials): Promise<Session> => {
    const client = createApiClient(credentials);
    try {
      return { status: 'signed-in', me: await client.me(), client };
    } catch (error) {
      if (credentials.kind === 'bearer' || !(error instanceof ApiError && error.status === 401))
        return { status: 'failed', error };
      if (credentials.kind === 'demo-user') forgetDemoUser();
      return offerPicker(error);
    }
  }, []);

  useEffect(() => {
    let current = true;
    const start = async (): Promise<Session> => {
      let settings: Awaited<ReturnType<ApiClient['signInSettings']>>;
      try {
        settings = await createApiClient(ANONYMOUS).signInSettings();
      } catch (error) {
        return { status: 'failed', error };
      }
      if (settings.mode === 'azure')
        return signIn({ kind: 'bearer', token: azureTokenSource(host, settings) });
      const userId = takeDemoUserFromAddress() ?? readDemoUser();
      return signIn(userId ? { kind: 'demo-user', userId } : ANONYMOUS);
    };
    start().then((next) => current && setSession(next));
    return () => {
      current = false;
    };
  }, [signIn, host]);

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
