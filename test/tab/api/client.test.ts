import { describe, expect, it } from 'vitest';
import { ApiError, BAD_RESPONSE, createApiClient, NETWORK_ERROR } from '../../../tab/src/api/client.ts';

/** A `fetch` that records each request and answers with `status` and `body`. */
function fakeFetch(status: number, body: unknown) {
  const requests: { url: string; headers: Record<string, string>; method?: string; body?: unknown }[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({
      url: String(input),
      headers: (init?.headers ?? {}) as Record<string, string>,
      ...(init?.method ? { method: init.method } : {}),
      ...(typeof init?.body === 'string' ? { body: JSON.parse(init.body) } : {}),
    });
    if (status === 204) return new Response(null, { status });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
  return { fetchImpl: fetchImpl as typeof fetch, requests };
}

describe('the API client', () => {
  it('sends the chosen demo user in X-Ehc-User in local mode', async () => {
    const { fetchImpl, requests } = fakeFetch(200, { today: '2026-11-23', cases: [] });
    await createApiClient({ kind: 'demo-user', userId: 'senco-1' }, fetchImpl).liveCases();
    expect(requests).toEqual([
      { url: '/api/cases', headers: { Accept: 'application/json', 'X-Ehc-User': 'senco-1' } },
    ]);
  });

  it('sends a token fresh from its source as a bearer token in azure mode, on every request', async () => {
    const { fetchImpl, requests } = fakeFetch(200, { today: '2026-11-23', cases: [] });
    let issued = 0;
    const client = createApiClient({ kind: 'bearer', token: async () => `token-${++issued}` }, fetchImpl);
    await client.liveCases();
    await client.me();
    expect(requests.map((r) => r.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('puts a directory member as JSON and removes one by id, escaping both', async () => {
    const put = fakeFetch(200, { member: {} });
    const change = {
      email: 'ann@harbour.example',
      name: 'Ann',
      roles: [{ kind: 'senco' as const, settingUrn: '100001' }],
    };
    await createApiClient({ kind: 'bearer', token: async () => 't' }, put.fetchImpl).putMember('860', change);
    expect(put.requests).toEqual([
      {
        url: '/api/directory/860/members',
        method: 'PUT',
        headers: {
          Accept: 'application/json',
          Authorization: 'Bearer t',
          'Content-Type': 'application/json',
        },
        body: change,
      },
    ]);
    const removed = fakeFetch(204, undefined);
    const client = createApiClient({ kind: 'bearer', token: async () => 't' }, removed.fetchImpl);
    expect(await client.removeMember('860', 'a/b')).toBeUndefined();
    expect(removed.requests[0]).toMatchObject({ url: '/api/directory/860/members/a%2Fb', method: 'DELETE' });
  });

  it('sends no user header when nobody is signed in', async () => {
    const { fetchImpl, requests } = fakeFetch(200, { users: [] });
    await createApiClient({ kind: 'anonymous' }, fetchImpl).localUsers();
    expect(requests[0]?.headers).toEqual({ Accept: 'application/json' });
    expect(requests[0]?.url).toBe('/api/local/users');
  });

  it('escapes the LA code and case id in a case address', async () => {
    const { fetchImpl, requests } = fakeFetch(200, { summary: {}, clock: {} });
    await createApiClient({ kind: 'anonymous' }, fetchImpl).caseDetail('860', 'C/1 2');
    expect(requests[0]?.url).toBe('/api/cases/860/C%2F1%202');
  });

  it("turns an error answer into an ApiError with the API's code, message and problems", async () => {
    const body = {
      error: {
        code: 'UNKNOWN_USER',
        message: 'We do not know who you are.',
        problems: [{ where: 'X-Ehc-User', message: 'no such demo user' }],
      },
    };
    const { fetchImpl } = fakeFetch(401, body);
    const error = await createApiClient({ kind: 'anonymous' }, fetchImpl)
      .me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 401,
      code: 'UNKNOWN_USER',
      message: 'We do not know who you are.',
      problems: [{ where: 'X-Ehc-User', message: 'no such demo user' }],
    });
  });

  it('says the answer could not be read when it is not the API speaking (a proxy page, an empty body)', async () => {
    const { fetchImpl } = fakeFetch(502, '<html>Bad gateway</html>');
    const error = await createApiClient({ kind: 'anonymous' }, fetchImpl)
      .me()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: BAD_RESPONSE });
  });

  it('says the server could not be reached when the request fails', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const error = await createApiClient({ kind: 'anonymous' }, fetchImpl)
      .me()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR });
    expect((error as Error).message).toMatch(/could not be reached/);
  });
});
