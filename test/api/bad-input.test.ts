import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { buildUser, useTestEnv } from '../support/platform.ts';
import { signIn, type Client } from '../support/client.ts';
import {
  dummyPathValue,
  exampleOf,
  fetchOpenApi,
  operationsOf,
  opName,
  typesOf,
  type JsonSchema,
  type Operation,
} from '../support/openapi.ts';
import {
  type ChangeCounter,
  changedTables,
  countChanges,
  snapshotDatabase,
  tableNames,
  type DatabaseSnapshot,
} from '../support/snapshot.ts';

/**
 * Broken input, generated from each operation's schema in the OpenAPI document, so every new
 * route is covered without anyone listing it. Each case is sent by a system administrator with
 * the CSRF token (so neither sign-in nor permission is why it fails) and must get a 4xx in the
 * one error shape, and leave the database exactly as it was.
 *
 * A case changes one thing in an otherwise valid request ("the base": required fields filled with
 * values that fit the schema, path ids that exist in no table). Values that are odd but legal text
 * (emoji, combining marks, a right-to-left override) are sent beside a second, certain fault, so
 * that the validator must read them without failing on the server and the request still changes
 * nothing; what the accounts module does with such text when it is accepted is in its own tests.
 */
type Case = {
  op: Operation;
  name: string;
  path: string;
  body?: string;
  contentType?: string | null;
  /** A specific status the case must get (else any 4xx). */
  status?: number;
  /** GET cases whose value is legal: any status below 500 is right. */
  legal?: boolean;
};

const HUGE = 100_000;
const MIB = 1024 * 1024;

/** Values no text field may hold (see common/schemas.ts): control characters and lone surrogates. */
const forbiddenText: [string, string][] = [
  // Long enough to pass any minimum length, so the character is what must be refused.
  ['lone high surrogate', 'abcde\ud800fghij'],
  ['lone low surrogate at the end', 'abcdefghij\udc00'],
  ['NUL', 'abcde\u0000fghij'],
  ['ESC control sequence', '\u001b[31mabcdefghij'],
];

/** Odd but legal text: each must be read without a server error. */
const oddLegalText: [string, string][] = [
  ['right-to-left override', 'abc\u202Egpj.exe'],
  ['emoji ZWJ sequence and flag', '👩‍👩‍👧‍👦🇻🇳'],
  ['combining marks (NFD Vietnamese)', 'Nguye\u0302\u0303n Thi\u0323 Hu\u031Bo\u031Bng'],
  ['SQL and markup', `' or 1=1; drop table users; -- <script>alert(1)</script>`],
];

const allows = (schema: JsonSchema, value: unknown): boolean => {
  const types = typesOf(schema);
  if (types.length === 0) return true; // an unconstrained schema accepts anything
  if (value === null) return types.includes('null');
  if (Array.isArray(value)) return types.includes('array');
  if (typeof value === 'object') return types.includes('object');
  if (typeof value === 'string') return types.includes('string');
  if (typeof value === 'boolean') return types.includes('boolean');
  if (typeof value === 'number')
    return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  return false;
};

type Setter = (base: unknown) => unknown;
type Mutation = { name: string; value: unknown; legal?: boolean };

/** Broken values for one schema: wrong types, out of range, too long, forbidden characters. */
function brokenValues(schema: JsonSchema): Mutation[] {
  const out: Mutation[] = [];
  const wrongTypes: [string, unknown][] = [
    ['number', 123],
    ['boolean', true],
    ['string', 'text'],
    ['object', { a: 1 }],
    ['array', ['x']],
    ['null', null],
  ];
  if (schema.enum || schema.const !== undefined) {
    out.push({ name: 'value outside the enum', value: 'not-a-member-💥' });
    for (const [t, v] of wrongTypes)
      if (!schema.enum?.includes(v)) out.push({ name: `${t} instead of an enum member`, value: v });
    return out;
  }
  for (const [t, v] of wrongTypes)
    if (!allows(schema, v)) out.push({ name: `${t} instead of ${typesOf(schema).join('|')}`, value: v });
  const types = typesOf(schema);
  if (types.includes('string')) {
    out.push({ name: `${HUGE}-character string`, value: 'x'.repeat(HUGE) });
    if (schema.maxLength !== undefined && schema.maxLength < HUGE) {
      out.push({ name: `maxLength+1 (${schema.maxLength + 1})`, value: 'x'.repeat(schema.maxLength + 1) });
    }
    if ((schema.minLength ?? 0) > 0) out.push({ name: 'empty string', value: '' });
    if (schema.format === 'uuid') {
      out.push({ name: 'not a uuid', value: 'not-a-uuid' });
      out.push({ name: 'uuid with trailing junk', value: '00000000-0000-4000-8000-000000000000x' });
    }
    if (schema.pattern) {
      const re = new RegExp(schema.pattern, 'u');
      const miss = ['', ' ', '💥', '../../etc/passwd', 'a b c'].find((s) => !re.test(s));
      if (miss !== undefined) out.push({ name: `does not match ${schema.pattern}`, value: miss });
    }
    for (const [name, value] of forbiddenText) out.push({ name, value });
    for (const [name, value] of oddLegalText) out.push({ name, value, legal: true });
  }
  if (types.includes('integer') || types.includes('number')) {
    const min = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
    const max = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
    const candidates: [string, number][] = [
      ['-1', -1],
      ['1e308', 1e308],
      ['-1e308', -1e308],
      ['2**53+1', 2 ** 53 + 1],
      ['minimum-1', min - 1],
      ['maximum+1', max + 1],
      ['1.5', 1.5],
    ];
    for (const [name, n] of candidates) {
      if (!Number.isFinite(n)) continue;
      const fits = n >= min && n <= max && (!types.includes('integer') || Number.isSafeInteger(n));
      out.push({ name: `number ${name}`, value: n, legal: fits });
    }
  }
  if (types.includes('array')) {
    const item = exampleOf(schema.items ?? {});
    if (schema.maxItems !== undefined)
      out.push({ name: `maxItems+1 (${schema.maxItems + 1})`, value: Array(schema.maxItems + 1).fill(item) });
    if ((schema.minItems ?? 0) > 0) out.push({ name: 'empty array', value: [] });
  }
  return out;
}

/** Every mutation of a JSON body: each value in it broken, each required field missing, unknown fields. */
function bodyMutations(
  schema: JsonSchema,
  at: string,
  set: (base: any, v: unknown) => any,
  baseValue: unknown,
): { name: string; apply: Setter; legal?: boolean; certainFault: Setter | null }[] {
  const out: { name: string; apply: Setter; legal?: boolean; certainFault: Setter | null }[] = [];
  for (const m of brokenValues(schema)) {
    out.push({ name: `${at}: ${m.name}`, apply: (b) => set(b, m.value), legal: m.legal, certainFault: null });
  }
  const types = typesOf(schema);
  if (
    (types.includes('object') || schema.properties) &&
    typeof baseValue === 'object' &&
    baseValue !== null &&
    !Array.isArray(baseValue)
  ) {
    const props = schema.properties ?? {};
    for (const name of schema.required ?? []) {
      out.push({
        name: `${at}.${name}: missing (required)`,
        apply: (b) => set(b, Object.fromEntries(Object.entries(baseValue).filter(([k]) => k !== name))),
        certainFault: null,
      });
    }
    if (schema.additionalProperties === false) {
      out.push({
        name: `${at}: unknown extra field`,
        apply: (b) => set(b, { ...baseValue, unknownField: 'x' }),
        certainFault: null,
      });
      out.push({
        name: `${at}: extra "isAdmin": true`,
        apply: (b) => set(b, { ...baseValue, isAdmin: true, role: 'system_admin' }),
        certainFault: null,
      });
    }
    for (const [name, prop] of Object.entries(props)) {
      const propBase = name in (baseValue as object) ? (baseValue as any)[name] : exampleOf(prop);
      const setProp = (b: any, v: unknown) => set(b, { ...baseValue, [name]: v });
      out.push(...bodyMutations(prop, `${at}.${name}`, setProp, propBase));
    }
  }
  if (types.includes('array') && schema.items) {
    const item = exampleOf(schema.items);
    out.push(...bodyMutations(schema.items, `${at}[0]`, (b, v) => set(b, [v]), item));
  }
  return out;
}

function baseQuery(op: Operation): URLSearchParams {
  const q = new URLSearchParams();
  for (const p of op.parameters) if (p.in === 'query' && p.required) q.set(p.name, String(exampleOf(p.schema)));
  return q;
}

function basePath(op: Operation, override: Record<string, string> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (name in override) return override[name];
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
    return encodeURIComponent(dummyPathValue(p?.schema ?? {}));
  });
}

const withQuery = (path: string, q: URLSearchParams) => (q.toString() ? `${path}?${q}` : path);

/** Raw percent-encoded values, some of which are not valid UTF-8 once decoded. */
const rawEncoded: [string, string][] = [
  ['%00 (NUL)', '%00'],
  ['%07 (control)', 'a%07b'],
  ['invalid UTF-8 %ff', '%ff%fe'],
  ['encoded lone surrogate (CESU-8 bytes)', '%ED%A0%80'],
  ['truncated escape', '%E1%BB'],
  ['bare percent', '100%'],
  ['path traversal', '..%2F..%2Fetc%2Fpasswd'],
];

function queryCases(op: Operation): Case[] {
  const cases: Case[] = [];
  const params = op.parameters.filter((p) => p.in === 'query');
  for (const p of params) {
    const label = `query ${p.name}`;
    const put = (value: string) => {
      const q = baseQuery(op);
      q.set(p.name, value);
      return withQuery(basePath(op), q);
    };
    if (p.required) {
      const q = baseQuery(op);
      q.delete(p.name);
      cases.push({ op, name: `${label}: missing (required)`, path: withQuery(basePath(op), q) });
    }
    const types = typesOf(p.schema);
    const numeric = types.includes('integer') || types.includes('number');
    if (numeric) {
      const min = typeof p.schema.minimum === 'number' ? p.schema.minimum : -Infinity;
      const max = typeof p.schema.maximum === 'number' ? p.schema.maximum : Infinity;
      for (const v of [
        'abc',
        '1.5',
        '',
        '-1',
        '0',
        '1e308',
        '-1e308',
        '9007199254740993',
        'Infinity',
        'NaN',
        '0x10',
        '1,5',
        '١٢',
      ]) {
        const n = Number(v);
        const fits =
          Number.isFinite(n) && n >= min && n <= max && (!types.includes('integer') || Number.isSafeInteger(n));
        cases.push({ op, name: `${label}: ${JSON.stringify(v)}`, path: put(v), legal: fits });
      }
    } else {
      for (const m of brokenValues(p.schema)) {
        if (typeof m.value !== 'string') continue; // a query value is always text
        // A URL cannot carry a lone surrogate (encoding makes it U+FFFD); the raw cases below send its bytes.
        if (/[\ud800-\udfff]/.test(m.value.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) continue;
        cases.push({ op, name: `${label}: ${m.name}`, path: put(m.value), legal: m.legal });
      }
    }
    for (const [name, raw] of rawEncoded) {
      const q = baseQuery(op);
      q.delete(p.name);
      const rest = q.toString();
      // Free text may take bytes that are not UTF-8 as the literal characters (Hono leaves an
      // escape it cannot decode as it is); control characters it must refuse.
      const freeText = !numeric && !(p.schema.enum || p.schema.pattern || p.schema.format);
      cases.push({
        op,
        name: `${label}: ${name}`,
        path: `${basePath(op)}?${rest ? `${rest}&` : ''}${encodeURIComponent(p.name)}=${raw}`,
        legal: freeText && !/NUL|control/.test(name) ? true : undefined,
      });
    }
    const q = baseQuery(op);
    q.append(p.name, String(exampleOf(p.schema)));
    q.append(p.name, String(exampleOf(p.schema)));
    cases.push({ op, name: `${label}: given twice`, path: withQuery(basePath(op), q) });
  }
  return cases;
}

function pathCases(op: Operation): Case[] {
  const cases: Case[] = [];
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const label = `path ${p.name}`;
    const values: [string, string][] = [
      ['not a uuid', 'not-a-uuid'],
      ['10 000 characters', 'x'.repeat(10_000)],
      ['emoji', encodeURIComponent('💥')],
      ['SQL', encodeURIComponent(`1' or '1'='1`)],
      ...rawEncoded,
    ];
    for (const [name, raw] of values) {
      const q = baseQuery(op);
      cases.push({ op, name: `${label}: ${name}`, path: withQuery(basePath(op, { [p.name]: raw }), q) });
    }
  }
  return cases;
}

function bodyCases(op: Operation): Case[] {
  if (!op.body) return [];
  const path = withQuery(basePath(op), baseQuery(op));
  const base = exampleOf(op.body);
  const cases: Case[] = [];
  const json = (name: string, value: unknown, extra: Partial<Case> = {}) =>
    cases.push({ op, name, path, body: JSON.stringify(value), contentType: 'application/json', ...extra });

  const mutations = bodyMutations(op.body, 'body', (_b, v) => v, base);
  for (const m of mutations) {
    const value = m.apply(base);
    if (!m.legal) {
      json(m.name, value);
      continue;
    }
    // Legal but odd: send it beside a certain fault so the request must still change nothing.
    if (op.body.additionalProperties === false && value && typeof value === 'object' && !Array.isArray(value)) {
      json(`${m.name} (+ unknown field)`, { ...(value as object), unknownField: 1 });
    } else if ((op.body.required ?? []).length > 0 && value && typeof value === 'object') {
      const drop = op.body.required!.find(
        (r) => !m.name.startsWith(`body.${r}:`) && !m.name.startsWith(`body.${r}.`) && !m.name.startsWith(`body.${r}[`),
      );
      if (drop)
        json(`${m.name} (+ ${drop} missing)`, Object.fromEntries(Object.entries(value).filter(([k]) => k !== drop)));
    }
  }

  const raw = (name: string, body: string, contentType: string | null, status?: number) =>
    cases.push({ op, name, path, body, contentType, status });
  const baseText = JSON.stringify(base);
  raw('malformed JSON: truncated', '{"a":', 'application/json', 400);
  raw('malformed JSON: single quotes', "{'a': 1}", 'application/json', 400);
  raw('malformed JSON: trailing comma', '{"a": 1,}', 'application/json', 400);
  raw('malformed JSON: undefined', 'undefined', 'application/json', 400);
  raw('malformed JSON: empty body', '', 'application/json', 400);
  raw('malformed JSON: NaN literal', '{"a": NaN}', 'application/json', 400);
  raw('malformed JSON: raw lone surrogate bytes', '{"a":"\udc00"}', 'application/json');
  raw('deeply nested arrays (100 000 levels)', '['.repeat(100_000) + ']'.repeat(100_000), 'application/json');
  raw('deeply nested objects (20 000 levels)', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`, 'application/json');
  raw('array instead of object', '[]', 'application/json', 400);
  raw('the valid body inside an array', `[${baseText}]`, 'application/json', 400);
  raw('null body', 'null', 'application/json', 400);
  raw('a JSON string', '"x"', 'application/json', 400);
  raw('a JSON number', '1', 'application/json', 400);
  raw('a JSON boolean', 'true', 'application/json', 400);
  raw(
    '__proto__ key',
    `{"__proto__": {"isAdmin": true}, ${baseText.slice(1)}`.replace(/, }$/, '}'),
    'application/json',
  );
  raw('constructor.prototype key', `{"constructor": {"prototype": {"isAdmin": true}}}`, 'application/json', 400);
  raw('wrong content type: text/plain', baseText, 'text/plain', 415);
  raw('wrong content type: form', 'username=admin&password=x', 'application/x-www-form-urlencoded', 415);
  raw(
    'wrong content type: multipart',
    '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n',
    'multipart/form-data; boundary=b',
    415,
  );
  raw('no content type', baseText, null, 415);
  raw(
    'JSON in UTF-16',
    Buffer.from(baseText, 'utf16le').toString('latin1'),
    'application/json; charset=utf-16',
    undefined,
  );
  raw(
    `body over 1 MiB (${Math.round((MIB + 1024) / 1024)} KB)`,
    JSON.stringify({ ...(base as object), filler: 'x'.repeat(MIB + 1024) }),
    'application/json',
    413,
  );
  return cases;
}

describeEachDatabase('bad input', (kind) => {
  const env = useTestEnv(kind);
  let ops: Operation[] = [];
  let admin: Client;
  let ipCounter = 0;

  beforeAll(async () => {
    ops = operationsOf(await fetchOpenApi(env().app));
    const user = await buildUser(env().platform, {
      username: 'badinput.admin',
      grants: [{ role: 'system_admin', unitId: null }],
    });
    admin = await signIn(env().app, user.username, user.password, '198.18.0.1');
  });

  const takesInput = (op: Operation) =>
    op.body !== null || op.parameters.some((p) => p.in === 'query' || p.in === 'path');

  /**
   * Sends every case; returns what went wrong, one line each. After each case the tables' counts of
   * changed rows are compared (cheap: row triggers count them, `countChanges`); after each
   * operation's cases, a hash of every row.
   */
  let tables: string[] = [];
  let changes: ChangeCounter;
  beforeAll(async () => {
    tables = await tableNames(env().platform.database);
    // `sessions`: every request moves its `last_seen_at`; its rows are counted instead.
    changes = await countChanges(env().platform.database, tables, ['sessions']);
  });

  async function run(cases: Case[]): Promise<string[]> {
    const problems: string[] = [];
    const handle = env().platform.database;
    const snap = (): Promise<DatabaseSnapshot> =>
      snapshotDatabase(handle, { ignoreColumns: { sessions: ['last_seen_at'] } }, tables);
    // A failed sign-in is counted in login_throttle: that change is the point of the table.
    const noise = (op: Operation) => (op.path === '/api/auth/login' ? ['login_throttle'] : []);
    const without = <T>(record: Record<string, T>, skip: string[]) =>
      Object.fromEntries(Object.entries(record).filter(([t]) => !skip.includes(t)));

    const byOp = new Map<Operation, Case[]>();
    for (const c of cases) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);
    for (const [op, opCases] of byOp) {
      const before = await snap();
      let counts = await changes.read();
      const succeeded: string[] = [];
      for (const c of opCases) {
        const label = `${opName(c.op)} — ${c.name}`;
        const headers: Record<string, string> = {
          cookie: admin.cookie!,
          'x-csrf-token': admin.csrfToken!,
          // Sign-in failures are counted per address: give each case its own.
          'x-forwarded-for': `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`,
        };
        if (c.contentType) headers['content-type'] = c.contentType;
        let res: Response;
        try {
          res = await env().app.request(c.path, { method: c.op.method, headers, body: c.body });
        } catch (err) {
          problems.push(`${label}: request threw ${(err as Error).message}`);
          continue;
        }
        const text = await res.text();
        if (res.status < 400) succeeded.push(`${c.name} → ${res.status}`);
        const now = await changes.read();
        const moved = Object.keys(now).filter((t) => now[t] !== counts[t] && !noise(op).includes(t));
        if (moved.length > 0)
          problems.push(
            `${label}: the database changed: ${moved
              .map((t) =>
                changes.counted.has(t)
                  ? `${t} ${counts[t]} → ${now[t]} rows`
                  : `${t}: ${(now[t] ?? 0) - (counts[t] ?? 0)} rows changed`,
              )
              .join('; ')}`,
          );
        counts = now;
        if (c.legal) {
          if (res.status >= 500) problems.push(`${label}: ${res.status} ${text.slice(0, 200)}`);
          continue;
        }
        const expected = c.status ? res.status === c.status : res.status >= 400 && res.status < 500;
        if (!expected)
          problems.push(`${label}: expected ${c.status ?? '4xx'}, got ${res.status} ${text.slice(0, 200)}`);
        if (res.status >= 400) {
          let body: any = null;
          try {
            body = JSON.parse(text);
          } catch {
            // reported below
          }
          const e = body?.error;
          const shaped =
            /^application\/json/.test(res.headers.get('content-type') ?? '') &&
            typeof e?.code === 'string' &&
            typeof e?.message === 'string' &&
            typeof e?.messages?.vi === 'string' &&
            typeof e?.messages?.en === 'string';
          if (!shaped) problems.push(`${label}: not the error shape: ${text.slice(0, 200)}`);
        }
      }
      const changed = changedTables(without(before, noise(op)), without(await snap(), noise(op)));
      if (changed.length > 0) {
        problems.push(
          `${opName(op)}: rows changed by one of its cases: ${changed.join('; ')}` +
            (succeeded.length ? ` (cases that succeeded: ${succeeded.join(', ')})` : ''),
        );
      }
    }
    return problems;
  }

  it('finds input to break in the OpenAPI document', () => {
    const withInput = ops.filter(takesInput);
    expect(withInput.length).toBeGreaterThan(5);
    for (const op of withInput) {
      expect(bodyCases(op).length + queryCases(op).length + pathCases(op).length, opName(op)).toBeGreaterThan(5);
    }
  });

  // The operations in eight shards by the part of the API they belong to (the first path segment),
  // so that each shard keeps its own time limit as modules add routes; a problem names its operation.
  const SHARDS = 8;
  const partOf = (op: Operation) => op.path.split('/')[op.path.startsWith('/api/public/') ? 3 : 2] ?? '';
  let shardOfPart: Map<string, number> | undefined;
  const shardOf = (op: Operation) => {
    shardOfPart ??= new Map([...new Set(ops.map(partOf))].sort().map((part, i) => [part, i % SHARDS]));
    return shardOfPart.get(partOf(op)) ?? 0;
  };

  it('finds broken bodies, query and path parameters to send, in every shard', () => {
    expect(ops.filter((op) => op.body).flatMap(bodyCases).length).toBeGreaterThan(100);
    expect(ops.flatMap(queryCases).length).toBeGreaterThan(50);
    expect(ops.flatMap(pathCases).length).toBeGreaterThan(20);
    for (let shard = 0; shard < SHARDS; shard++) expect(ops.some((op) => shardOf(op) === shard)).toBe(true);
  });

  for (let shard = 0; shard < SHARDS; shard++) {
    it(`rejects broken JSON bodies, query and path parameters (shard ${shard + 1} of ${SHARDS}): 4xx, error shape, nothing changed`, async () => {
      const mine = ops.filter((op) => shardOf(op) === shard);
      const cases = [
        ...mine.filter((op) => op.body).flatMap(bodyCases),
        ...mine.flatMap(queryCases),
        ...mine.flatMap(pathCases),
      ];
      expect(await run(cases)).toEqual([]);
    }, 180_000);
  }

  it('still has the administrator signed in afterwards (no case ended the session)', async () => {
    const res = await admin.get('/api/auth/me');
    expect(res.status).toBe(200);
  });
});
