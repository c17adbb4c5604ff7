import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.teardown();
});

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

async function document(): Promise<OpenApi> {
  const { status, body } = await t.get('/api/openapi.json');
  expect(status).toBe(200);
  return body as OpenApi;
}

/** restify's `/api/cases/:laCode/:caseId` as OpenAPI writes it. */
function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document', async () => {
    expect((await document()).openapi).toBe('3.1.0');
  });

  it('documents every route the server answers, with the same method', async () => {
    const doc = await document();
    // The catch-alls (the tab's files, and the JSON 404 for unknown /api addresses) are not operations.
    const routes = t.app.routes.filter((route) => !route.path.endsWith('*'));
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes) {
      expect(
        doc.paths[openApiPath(route.path)]?.[route.method],
        `${route.method} ${route.path}`,
      ).toBeDefined();
    }
  });

  it('documents no route the server does not answer', async () => {
    const doc = await document();
    const served = new Set(t.app.routes.map((route) => `${route.method} ${openApiPath(route.path)}`));
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations))
        expect(served, `${method} ${path}`).toContain(`${method} ${path}`);
    }
  });

  it('describes the shapes the tab reads as components, and every error with the Error body', async () => {
    const doc = await document();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'CaseSummary',
        'Clock',
        'LiveCases',
        'CaseDetail',
        'Me',
        'LocalUsers',
        'Error',
      ]),
    );
    const getCase = doc.paths['/api/cases/{laCode}/{caseId}']?.get;
    expect(getCase?.responses['404']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
  });

  it('says that the case and the live cases answers both carry the server’s today', async () => {
    const doc = await document();
    const today = {
      type: 'string',
      format: 'date',
      description: 'The server’s today in Europe/London.',
    };
    for (const id of ['CaseDetail', 'LiveCases']) {
      expect(doc.components.schemas[id], id).toMatchObject({
        properties: { today },
        required: expect.arrayContaining(['today']),
      });
    }
    const getCase = doc.paths['/api/cases/{laCode}/{caseId}']?.get;
    expect(getCase?.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseDetail' } } },
    });
  });

  it('documents the arrange stage’s operations, each command with its request body', async () => {
    const doc = await document();
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops));
    const byId = new Map(operations.map((op) => [op.operationId, op as { requestBody?: unknown }]));
    for (const id of [
      'startReview',
      'saveMeeting',
      'addInvitee',
      'removeInvitee',
      'sendInvitations',
      'abandonReview',
    ]) {
      expect(byId.get(id)?.requestBody, id).toMatchObject({ required: true });
    }
    expect(byId.has('listInvitations')).toBe(true);
    expect(doc.components.schemas).toHaveProperty('CommandAnswer');
  });
});
