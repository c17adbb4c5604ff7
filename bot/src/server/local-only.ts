import type { IncomingMessage } from 'node:http';
import { isLoopbackHostHeader } from '../config.ts';

/**
 * Whether a local-mode request was addressed to this machine: its `Host` is localhost, 127.0.0.1 or
 * [::1], on the port the server is listening on.
 *
 * @remarks Listening on loopback is not enough. With DNS rebinding a web page's own name is made to
 * resolve to 127.0.0.1, so the browser sends the page's requests to this server as same-origin, with
 * the attacker's name in `Host`; local mode trusts a header for who the user is, so that page could
 * read every case as any demo user. Checking `Host` (RFC 9110 section 7.2) closes it; the answer is
 * 421 Misdirected Request.
 */
export function isAddressedToLoopback(request: IncomingMessage): boolean {
  return isLoopbackHostHeader(request.headers.host, request.socket.localPort);
}
