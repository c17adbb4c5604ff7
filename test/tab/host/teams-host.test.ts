import { describe, expect, it } from 'vitest';
import { BROWSER, connectToHost } from '../../../tab/src/host/teams-host.ts';

describe('finding the host', () => {
  it('settles on the browser, without waiting out the timeout, when no Teams or Outlook host is there', async () => {
    const started = Date.now();
    expect(await connectToHost(5_000)).toEqual(BROWSER);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
