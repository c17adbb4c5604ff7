import * as z from 'zod';
import type { ApiRoute, ResponseDoc } from './routes.ts';
import { apiSchemas } from './schemas.ts';

/** A route served outside the JSON API's route table (the bot, the health check), described by hand. */
export interface OtherRouteDoc {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly requestBody?: { readonly description: string; readonly schema: z.ZodType };
  readonly responses: Readonly<Record<number, ResponseDoc>>;
}

export const OPENAPI_PATH = '/api/openapi.json';

/**
 * The OpenAPI 3.1 document of the server, generated from the route table and its zod schemas.
 *
 * @remarks OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what zod writes; each registered
 * schema becomes a component, referred to by `$ref`, so the tab's engineer reads one `CaseSummary`.
 */
export function openApiDocument(routes: readonly ApiRoute[], others: readonly OtherRouteDoc[]): object {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  const components = Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema;
      return [id, rest];
    }),
  );
  const paths: Record<string, Record<string, object>> = {};
  const add = (path: string, method: string, operation: object) => {
    paths[path] = { ...paths[path], [method]: operation };
  };
  for (const route of routes) {
    add(route.path, route.method, {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.signedIn ? { security: [{ localUser: [] }, { teamsSso: [] }] } : { security: [] }),
      ...(route.params || route.query
        ? {
            parameters: [
              ...(route.params ? pathParameters(route.params) : []),
              ...(route.query ? queryParameters(route.query) : []),
            ],
          }
        : {}),
      ...(route.body ? { requestBody: requestBodyOf(route.body) } : {}),
      responses: responsesOf(route.responses),
    });
  }
  for (const other of others) {
    add(other.path, other.method, {
      operationId: other.operationId,
      summary: other.summary,
      ...(other.description ? { description: other.description } : {}),
      security: [],
      ...(other.requestBody ? { requestBody: requestBodyOf(other.requestBody) } : {}),
      responses: responsesOf(other.responses),
    });
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'EHC Review Hub API',
      version: '0.1.0',
      description:
        'The REST API the EHC Review Hub tab calls, the Teams bot endpoint and the health check. ' +
        'Every error answers with the `Error` body: a stable code, a message and the problems found.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        localUser: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Ehc-User',
          description: 'Local mode only: the id of a demo user (GET /api/local/users).',
        },
        teamsSso: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Azure mode: an Entra ID v2 access token for the app (Teams SSO getAuthToken, or MSAL in a ' +
            'browser) with the access_as_user scope, from a tenant the service admits.',
        },
      },
    },
  };
}

function requestBodyOf(body: { readonly description: string; readonly schema: z.ZodType }): object {
  return {
    required: true,
    description: body.description,
    content: { 'application/json': { schema: schemaOf(body.schema) } },
  };
}

function pathParameters(params: z.ZodObject): object[] {
  return Object.entries(params.shape).map(([name, schema]) => ({
    name,
    in: 'path',
    required: true,
    schema: schemaOf(schema as z.ZodType),
  }));
}

function queryParameters(query: z.ZodObject): object[] {
  return Object.entries(query.shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: schemaOf(schema as z.ZodType),
  }));
}

function responsesOf(responses: Readonly<Record<number, ResponseDoc>>): Record<string, object> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, doc]) => [
      status,
      {
        description: doc.description,
        ...(doc.schema ? { content: { 'application/json': { schema: schemaOf(doc.schema) } } } : {}),
      },
    ]),
  );
}

/** A `$ref` to a registered component, or the schema written out. */
function schemaOf(schema: z.ZodType): object {
  const id = apiSchemas.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}
