import { CASE_FREE_JSON_MAX_CHARS, CASE_FREE_JSON_MAX_DEPTH } from '../../../common/competency.ts';
import type { CaseLink } from '../../db/schema/frameworks.ts';
import {
  FIELD_SPECS,
  canonicalName,
  caseUuid,
  isDerivable,
  isUuid,
  normalizeDate,
  normalizeDateTime,
  uuidV5,
  type FieldKind,
  type ObjectKind,
} from './fields.ts';
import type { Messages } from './messages.ts';

export type Fields = Record<string, unknown>;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

const lastSegment = (uri: string) => uri.split(/[/#:]/).filter(Boolean).pop() ?? '';

/**
 * A CASE link (`LinkURI`, or `LinkGenURI` when `general`): `{ title, identifier, uri }`. A bare URI
 * string (CASE 1.0) becomes a link whose identifier is the URI's last segment when that is a UUID.
 * LinkURI identifiers must be UUIDs; LinkGenURI ones may be anything (another system's node).
 */
export function normalizeLink(value: unknown, messages: Messages, path: string, general: boolean): CaseLink | null {
  let title = '';
  let identifier = '';
  let uri = '';
  let targetType: string | undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    uri = value.trim();
    const last = lastSegment(uri);
    identifier = isUuid(last) ? last : uuidV5(uri);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const key = k.toLowerCase();
      if (key === 'title') title = text(v) ?? '';
      else if (key === 'identifier' || key === 'id') identifier = (text(v) ?? '').trim();
      else if (key === 'uri' || key === 'url') uri = (text(v) ?? '').trim();
      else if (key === 'targettype') targetType = text(v) ?? undefined;
    }
    if (!identifier && uri) identifier = isUuid(lastSegment(uri)) ? lastSegment(uri) : uuidV5(uri);
    if (!identifier) return null;
  } else return null;
  if (!general) identifier = caseUuid(identifier, messages, `${path}.identifier`);
  if (!uri) uri = `urn:uuid:${identifier}`;
  const link: CaseLink = { title, identifier, uri };
  if (targetType !== undefined) {
    if (targetType === 'CASE' || /^ext:[a-zA-Z0-9.|_-]+$/.test(targetType)) link.targetType = targetType;
    else messages.warn('invalid_target_type', `${path}.targetType`, { value: targetType.slice(0, 60) });
  }
  return link;
}

/**
 * Whether free JSON nests deeper than `maxDepth` or holds more than `maxChars` characters (keys and
 * text), measured with a stack of its own (no recursion, so 100,000 levels cannot overflow ours)
 * and stopping at the first limit passed.
 */
export function freeJsonExcess(
  value: unknown,
  maxDepth = CASE_FREE_JSON_MAX_DEPTH,
  maxChars = CASE_FREE_JSON_MAX_CHARS,
): 'depth' | 'size' | null {
  const stack: [unknown, number][] = [[value, 1]];
  let chars = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') chars += node.length;
    else if (typeof node !== 'object' || node === null) chars += 8;
    else {
      if (depth > maxDepth) return 'depth';
      for (const [key, child] of Object.entries(node)) {
        chars += key.length + 2;
        stack.push([child, depth + 1]);
      }
    }
    if (chars > maxChars) return 'size';
  }
  return null;
}

/** Free JSON within the limits, or undefined with a row error naming the field (never stored, never applied). */
function bounded(value: unknown, field: string, path: string, messages: Messages): unknown {
  const excess = freeJsonExcess(value);
  if (!excess) return value;
  if (excess === 'depth') messages.error('free_json_too_deep', path, { field, max: CASE_FREE_JSON_MAX_DEPTH });
  else messages.error('free_json_too_large', path, { field, max: CASE_FREE_JSON_MAX_CHARS });
  return undefined;
}

function convert(kind: FieldKind, value: unknown, field: string, path: string, messages: Messages): unknown {
  const invalid = () => {
    messages.warn('invalid_value', path, { field });
    return undefined;
  };
  switch (kind) {
    case 'identifier':
    case 'string': {
      const s = text(value);
      if (s === null) return invalid();
      return s;
    }
    case 'stringArray': {
      if (Array.isArray(value)) return value.map(text).filter((s): s is string => s !== null);
      const s = text(value);
      if (s === null) return invalid();
      messages.warn('value_converted', path, { field });
      return s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
    }
    case 'int':
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(n)) return invalid();
      if (typeof value !== 'number') messages.warn('value_converted', path, { field });
      return kind === 'int' ? Math.trunc(n) : n;
    }
    case 'dateTime':
      return normalizeDateTime(value, messages, path) ?? undefined;
    case 'date':
      return normalizeDate(value, messages, path) ?? undefined;
    case 'link':
    case 'genLink': {
      const link = normalizeLink(Array.isArray(value) ? value[0] : value, messages, path, kind === 'genLink');
      return link ?? invalid();
    }
    case 'linkArray': {
      const list = (Array.isArray(value) ? value : [value]).map((v, i) => normalizeLink(v, messages, `${path}[${i}]`, false));
      return list.filter((l): l is CaseLink => l !== null);
    }
    case 'extensions':
      if (bounded(value, field, path, messages) === undefined) return undefined;
      return isObject(value) ? value : { value };
    case 'extensionsArray':
      if (bounded(value, field, path, messages) === undefined) return undefined;
      return Array.isArray(value) ? value.map((v) => (isObject(v) ? v : { value: v })) : [isObject(value) ? value : { value }];
    case 'children':
      return value;
  }
}

/**
 * Reads one CASE object: every key under its canonical name with a value of the right shape.
 * Renamed keys warn `field_renamed`; unknown keys are kept under `extensions` (`unknown_field`);
 * CASE 1.0 back-links to the document are dropped; `null` values are treated as absent.
 */
export function normalizeObject(kind: ObjectKind, raw: Record<string, unknown>, path: string, messages: Messages): Fields {
  const spec = FIELD_SPECS[kind];
  const out: Fields = {};
  const unknown: [string, unknown][] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    const name = canonicalName(kind, key);
    if (!name) {
      if (!isDerivable(kind, key)) unknown.push([key, value]);
      continue;
    }
    if (name !== key) messages.warn('field_renamed', `${path}.${key}`, { from: key, to: name });
    if (name in out) continue; // the correctly spelt key came first: keep it
    const converted = convert(spec[name]!, value, name, `${path}.${name}`, messages);
    if (converted !== undefined) out[name] = converted;
  }
  if (unknown.length > 0) {
    const extensionsKind = spec.extensions;
    for (const [key, raw] of unknown) {
      const value = bounded(raw, key, `${path}.${key}`, messages);
      if (value === undefined) continue;
      messages.warn('unknown_field', `${path}.${key}`, { field: key });
      if (extensionsKind === 'extensionsArray') {
        out.extensions = [...((out.extensions as Fields[] | undefined) ?? []), { [key]: value }];
      } else if (extensionsKind === 'extensions') {
        const ext = (out.extensions as Fields | undefined) ?? {};
        if (!(key in ext)) ext[key] = value;
        out.extensions = ext;
      }
    }
  }
  return out;
}

/** Removes `keys` from `fields` and returns what is left (the part kept in `caseFields`). */
export function rest(fields: Fields, keys: string[]): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) if (!keys.includes(k)) out[k] = v;
  return out;
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
