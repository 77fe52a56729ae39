import { isDataSourceKind, SOURCE_REF_FIELD_NAMES, type DataActionSourceKind } from '../../../common/action-plans.ts';
import type { DataSourceQuery } from '../../../common/schemas/action-plans.ts';

/**
 * A data source (an assessment item, an outcome value) as it travels in a "Plan an action" link:
 * `?kind=&id=` and the other ids the kind names. Pure, tested in sourceLink.test.ts.
 */

/** The query string (without `?`) naming the source. */
export function sourceSearch(source: DataSourceQuery): string {
  const params = new URLSearchParams({ kind: source.kind, id: source.id });
  for (const name of SOURCE_REF_FIELD_NAMES) {
    const value = source[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** The source a page's query names, or null when it names none (or a kind not reached from data). */
export function readSourceSearch(params: URLSearchParams): DataSourceQuery | null {
  const kind = params.get('kind');
  const id = params.get('id');
  if (!kind || !id || !isDataSourceKind(kind)) return null;
  const source: DataSourceQuery = { kind: kind as DataActionSourceKind, id };
  for (const name of SOURCE_REF_FIELD_NAMES) {
    const value = params.get(name);
    if (value) source[name] = value;
  }
  return source;
}

/** Where "Plan an action" leads: the page that lists the plans the source fits. */
export const planFromSourceUrl = (source: DataSourceQuery) => `/action-plans/from-source?${sourceSearch(source)}`;
