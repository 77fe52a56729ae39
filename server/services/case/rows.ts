import { caseUuid, uuidV5 } from './fields.ts';
import type { Messages } from './messages.ts';
import { isObject, str, type Fields } from './normalize.ts';

/*
 * The small pieces the CFPackage parse (parse.ts) reads rows with: the file's text, lenient lists,
 * and the identifier and uri every row must end up with.
 */

/** Where a CASE REST server (this one) would serve a row: used for rows without a `uri`. */
export const caseUri = (baseUrl: string, collection: string, identifier: string) =>
  `${baseUrl.replace(/\/$/, '')}/ims/case/v1p1/${collection}/${identifier}`;

/** The file as text: UTF-8, without a byte-order mark. */
export function decode(data: Buffer | string): string {
  const text = typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A list of rows: absent is empty, a lone object is a list of one, anything else is warned about and empty. */
export const asList = (value: unknown, path: string, messages: Messages): unknown[] => {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (isObject(value)) return [value];
  messages.warn('invalid_value', path, { field: path });
  return [];
};

/**
 * Per-parse helpers: `synthesizedUri` (a row's uri on this server, with a warning), `ensure`
 * (fills a row's missing uri and lastChangeDateTime) and `idOf` (a row's identifier as a UUID,
 * or one derived from `fallback`, with a warning).
 */
export function rowHelpers(messages: Messages, baseUrl: string, now: string) {
  function synthesizedUri(collection: string, identifier: string, path: string) {
    messages.warn('uri_synthesized', path, {});
    return caseUri(baseUrl, collection, identifier);
  }
  const ensure = (f: Fields, collection: string, identifier: string, path: string) => {
    f.uri = str(f.uri) ?? synthesizedUri(collection, identifier, `${path}.uri`);
    f.lastChangeDateTime ??= now;
    return f;
  };
  const idOf = (f: Fields, path: string, fallback: string) => {
    const raw = str(f.identifier);
    if (raw) return caseUuid(raw, messages, `${path}.identifier`);
    const made = uuidV5(fallback);
    messages.warn('missing_identifier', `${path}.identifier`, { identifier: made });
    return made;
  };
  return { synthesizedUri, ensure, idOf };
}
