/**
 * The API's OpenAPI 3.1 document, generated from the policy table (routes and permissions) and the routes'
 * zod contracts (zod 4's JSON Schema output): every route, its parameters or body, the one error body.
 */
import { z } from 'zod';
import { ErrorBodySchema } from '@pcmt/shared/errors';
import { ROUTE_POLICY } from '@pcmt/shared/policy';
import { CONTRACTS } from '../http/contracts.ts';
import { EXAMPLES } from '../http/examples.ts';
import { FILE_ROUTES } from '../http/guards.ts';

type JsonSchema = { properties?: Record<string, unknown>; required?: string[] };
const schemaOf = (key: string) =>
  z.toJSONSchema(CONTRACTS[key]!, { unrepresentable: 'any', io: 'input' }) as JsonSchema;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operation(r: (typeof ROUTE_POLICY)[number]) {
  const key = `${r.method} ${r.path}`;
  const example = EXAMPLES[key] ?? {};
  const pathParams = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1]!,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    ...(example.params?.[m[1]!] ? { example: example.params[m[1]!] } : {}),
  }));
  const s = schemaOf(key);
  const upload = FILE_ROUTES[r.path];
  const query =
    r.method === 'GET' || upload
      ? Object.entries(s.properties ?? {}).map(([name, schema]) => ({
          name,
          in: 'query',
          required: (s.required ?? []).includes(name),
          schema,
          ...(example.query?.[name] !== undefined ? { example: example.query[name] } : {}),
        }))
      : [];
  return {
    operationId: key.replace(/[^A-Za-z0-9]+/g, '_'),
    summary: `${key} (permission: ${r.permission})`,
    parameters: [...pathParams, ...query],
    ...(upload
      ? {
          requestBody: {
            required: true,
            content: {
              [upload]: {
                schema: { type: 'string', format: 'binary', maxLength: 5 * 1024 * 1024 },
              },
            },
          },
        }
      : r.method === 'GET'
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: s, example: example.body } },
            },
          }),
    responses: {
      [r.method === 'POST' ? '201' : '200']: {
        description: 'Done; the body is the record or the list',
      },
      '400': errorResponse('A field is invalid (`error.field` names it)'),
      '401': errorResponse('Not signed in'),
      '403': errorResponse(
        'The role lacks the permission, or the CSRF token or the origin is wrong',
      ),
      '404': errorResponse('Not found in the caller’s province'),
      '409': errorResponse('Conflicts with a record that exists'),
      '412': errorResponse('The record changed since the version sent'),
      '422': errorResponse(
        'Refused by a rule (for a file: `error.issues` by sheet, row and column)',
      ),
    },
    security: [{ session: [] }],
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTE_POLICY) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bản đồ phòng, chống ma túy — API',
      version: '1',
      description:
        'Sign in with POST /api/auth/login; send the session cookie and, on every write, the X-CSRF-Token it returned. Dates are YYYY-MM-DD (Asia/Ho_Chi_Minh); coordinates [lng, lat] in WGS 84.',
    },
    paths,
    components: {
      schemas: { Error: z.toJSONSchema(ErrorBodySchema) },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-pcmt_session' } },
    },
  };
}
