/**
 * A valid value for a JSON schema (as @fastify/swagger renders the Zod contract), and the places
 * in it that hold ids: uuid formats, and names ending in Id or Ids, in nested objects and arrays.
 * Used by the endpoint x role x district matrix (server/routes/authz-matrix.test.ts).
 */
export type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  $ref?: string;
};

/** Where an id sits in a sample: the JSON path to it and the property name that holds it. */
export interface IdSlot {
  path: (string | number)[];
  name: string;
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** Is this property an id by its name or format? */
export function isIdField(name: string, schema: JsonSchema | undefined): boolean {
  return /(^id|Id|Ids)$/.test(name) || schema?.format === 'uuid' || (schema?.type === 'array' && schema.items?.format === 'uuid');
}

function resolve(schema: JsonSchema, root: Record<string, JsonSchema>): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop()!;
  return resolve(root[name] ?? {}, root);
}

function pickVariant(options: JsonSchema[], root: Record<string, JsonSchema>): JsonSchema {
  return options.map((o) => resolve(o, root)).find((o) => o.type !== 'null') ?? options[0]!;
}

function sampleString(s: JsonSchema): string {
  switch (s.format) {
    case 'uuid':
      return PLACEHOLDER_ID;
    case 'date':
      return '2026-10-14';
    case 'date-time':
      return '2026-10-14T14:00:00.000Z';
    case 'email':
      return 'matrix@example.test';
    case 'uri':
    case 'url':
      return 'https://example.test/matrix';
  }
  const min = typeof s.minLength === 'number' ? s.minLength : 1;
  const max = typeof s.maxLength === 'number' ? s.maxLength : 40;
  const text = 'matrix-sample-text-'.repeat(Math.ceil(min / 19) + 1).slice(0, Math.max(min, Math.min(max, 13)));
  if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(text)) {
    for (const guess of ['2026-10-14', '#336699', 'abc', 'ABC', 'a1', '1', 'en', 'matrix-sample'])
      if (new RegExp(s.pattern).test(guess)) return guess;
  }
  return text;
}

function sampleNumber(s: JsonSchema): number {
  const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1;
  const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : min + 10;
  return Math.max(min, Math.min(max, 1));
}

/**
 * A value satisfying `schema`, with each id slot recorded in `slots`. Every property is filled
 * (optional ones too, so each id field is found) unless `keep` is given: then only required
 * properties and those on the path `keep`, so the id under test is the only optional one sent.
 */
export function sample(
  schema: JsonSchema,
  root: Record<string, JsonSchema> = {},
  slots: IdSlot[] = [],
  path: (string | number)[] = [],
  name = '',
  keep?: (string | number)[],
): unknown {
  const s = resolve(schema, root);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.allOf?.length) return sample(Object.assign({}, ...s.allOf.map((a) => resolve(a, root))), root, slots, path, name, keep);
  if (s.anyOf || s.oneOf) return sample(pickVariant((s.anyOf ?? s.oneOf)!, root), root, slots, path, name, keep);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      const onPath = keep !== undefined && keep[0] === key;
      if (keep !== undefined && !onPath && !s.required?.includes(key)) continue;
      out[key] = sample(prop, root, slots, [...path, key], key, keep === undefined ? undefined : onPath ? keep.slice(1) : []);
    }
    return out;
  }
  if (type === 'array') {
    const min = typeof s.minItems === 'number' ? s.minItems : 0;
    const count = keep === undefined || keep.length > 0 ? Math.max(1, min) : min;
    return Array.from({ length: count }, (_, i) =>
      sample(s.items ?? {}, root, slots, [...path, i], name, keep === undefined ? undefined : keep[0] === i ? keep.slice(1) : []),
    );
  }
  if (type === 'string') {
    if (name && isIdField(name, s)) slots.push({ path, name });
    else if (s.format === 'uuid') slots.push({ path, name });
    return sampleString(s);
  }
  if (type === 'integer' || type === 'number') return sampleNumber(s);
  if (type === 'boolean') return true;
  return null;
}

/** A copy of `value` with the leaf at `path` replaced. */
export function setAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, leaf);
  return copy;
}
