import { useEffect, useState } from 'react';
import { connectToHost, type Host } from '../host/teams-host.ts';

/** The host once it has answered (or the browser once it has not); `undefined` until then. */
export function useHost(): Host | undefined {
  const [host, setHost] = useState<Host>();
  useEffect(() => {
    let current = true;
    connectToHost().then((found) => current && setHost(found));
    return () => {
      current = false;
    };
  }, []);
  return host;
}
