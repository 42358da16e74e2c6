import { expect } from 'vitest';
import type { App } from '../../src/server/app.ts';

/**
 * Reads the app's own OpenAPI document, so the harnesses in test/api cover every route a module
 * declares without anyone listing it by hand.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  [key: string]: unknown;
};

export type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
};

export type Operation = {
  method: string; // upper case, as Hono lists it
  path: string; // OpenAPI form: /api/accounts/{id}
  access: unknown;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body: JsonSchema | null;
  bodyRequired: boolean;
  /** Response media types, e.g. text/event-stream for a stream. */
  responseTypes: string[];
};

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema>; parameters?: Record<string, Parameter> };
};

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

export async function fetchOpenApi(app: App): Promise<OpenApiDocument> {
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as OpenApiDocument;
}

/** Follows `$ref`s into components (and merges `allOf`), so callers see plain schemas. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): JsonSchema {
  if (!schema) return {};
  if (depth > 20) throw new Error('OpenAPI schema nests too deep (a $ref cycle?)');
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    const { $ref: _ref, ...rest } = schema;
    return resolve(doc, { ...target, ...rest }, depth + 1);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(doc, s, depth + 1));
    const { allOf: _allOf, ...rest } = schema;
    return parts.reduce<JsonSchema>(
      (acc, p) => ({
        // biome-ignore lint/performance/noAccumulatingSpread: an allOf has a handful of parts
        ...acc,
        ...p,
        properties: { ...acc.properties, ...p.properties },
        required: [...(acc.required ?? []), ...(p.required ?? [])],
      }),
      rest,
    );
  }
  return schema;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = (item.parameters as unknown as Parameter[] | undefined) ?? [];
    for (const [method, raw] of Object.entries(item)) {
      if (!httpMethods.has(method)) continue;
      const op = raw as Record<string, any>;
      const parameters = [...shared, ...((op.parameters as Parameter[] | undefined) ?? [])].map((p: any) => {
        const param = p.$ref ? doc.components?.parameters?.[String(p.$ref).split('/').pop()!] : p;
        if (!param) throw new Error(`unresolved parameter ${p.$ref}`);
        return { ...param, schema: resolve(doc, param.schema) } as Parameter;
      });
      const content = op.requestBody?.content ?? {};
      const jsonType = Object.keys(content).find((t) => /json/.test(t));
      const responseTypes = [
        ...new Set(
          Object.values((op.responses ?? {}) as Record<string, any>).flatMap((r) => Object.keys(r?.content ?? {})),
        ),
      ];
      out.push({
        method: method.toUpperCase(),
        path,
        access: op['x-kyniem-access'],
        parameters,
        body: jsonType ? resolve(doc, content[jsonType].schema) : null,
        bodyRequired: Boolean(op.requestBody?.required),
        responseTypes,
      });
    }
  }
  return out.sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path.localeCompare(b.path)));
}

export const DUMMY_UUID = '00000000-0000-4000-8000-000000000000';

/** A syntactically valid value for a path parameter: a uuid where the format says so, a number in range for a number, else 'x'. */
export function dummyPathValue(schema: JsonSchema): string {
  if (schema.format === 'uuid') return DUMMY_UUID;
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes('integer') || types.includes('number'))
    return String(typeof schema.minimum === 'number' ? schema.minimum : 1);
  return 'x';
}

export function fillPath(op: Operation, values: Record<string, string> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(values[name] ?? dummyPathValue(param?.schema ?? {}));
  });
}

/** Hono's form of a path (`/api/accounts/:id`) in OpenAPI's form (`/api/accounts/{id}`). */
export function openApiPathOf(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?\??/g, '{$1}');
}

export const opName = (op: { method: string; path: string }) => `${op.method} ${op.path}`;

/** The one error shape of every /api error response. */
export async function expectErrorShape(
  res: Response,
  context = '',
): Promise<{ code: string; message: string; messages: { vi: string; en: string } }> {
  const type = res.headers.get('content-type') ?? '';
  expect(type, `${context}: content-type of a ${res.status}`).toMatch(/^application\/json/);
  const body = (await res.json()) as any;
  expect(body, `${context}: error body`).toMatchObject({
    error: {
      code: expect.any(String),
      message: expect.any(String),
      messages: { vi: expect.any(String), en: expect.any(String) },
    },
  });
  expect(body.error.code, context).toMatch(/^[A-Z][A-Z0-9_]+$/);
  expect(body.error.messages.vi.length, context).toBeGreaterThan(0);
  expect(body.error.messages.en.length, context).toBeGreaterThan(0);
  return body.error;
}

/** A value that satisfies the schema, when one is easy to find (used as the base that a broken input changes). */
export function exampleOf(schema: JsonSchema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return exampleOf(schema.anyOf[0]);
  if (schema.oneOf?.length) return exampleOf(schema.oneOf[0]);
  const types = typesOf(schema);
  if (types.includes('object') || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const name of schema.required ?? []) out[name] = exampleOf(schema.properties?.[name] ?? {});
    return out;
  }
  if (types.includes('array')) {
    return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}));
  }
  if (types.includes('integer') || types.includes('number')) {
    if (typeof schema.minimum === 'number') return schema.minimum;
    if (typeof schema.maximum === 'number') return Math.min(schema.maximum, 1);
    return 1;
  }
  if (types.includes('boolean')) return true;
  if (types.includes('string')) return exampleString(schema);
  if (types.includes('null')) return null;
  return 'x';
}

function exampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return DUMMY_UUID;
  if (schema.format === 'date') return '2019-06-10';
  if (schema.format === 'date-time') return '2019-06-10T08:00:00.000Z';
  if (schema.format === 'email') return 'someone@example.com';
  const min = schema.minLength ?? 1;
  const candidates = [
    'x'.repeat(Math.max(min, 1)),
    'abc'.padEnd(Math.max(min, 3), 'x'),
    '2019-06-10',
    '2019-06-10T08:00:00.000Z',
    DUMMY_UUID,
    'accounts',
    '1',
    '45-KH/ĐUK',
    'A1',
  ];
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : null;
  const fits = (s: string) =>
    (!pattern || pattern.test(s)) &&
    s.length >= min &&
    (schema.maxLength === undefined || s.length <= schema.maxLength);
  return candidates.find(fits) ?? candidates[0];
}

export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  const alts = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return [...new Set(alts.flatMap(typesOf))];
}
