/**
 * Statements prepared once per database (or transaction) object and kept while it lives: building
 * a Drizzle query costs about as much as running it on the embedded database, so the hottest
 * reads (the session, the person page, the people directory, people's assignments) build theirs once.
 */
const built = new WeakMap<object, Map<string, unknown>>();

export function preparedOnce<T>(db: object, name: string, build: () => T): T {
  let statements = built.get(db);
  if (!statements) built.set(db, (statements = new Map()));
  if (!statements.has(name)) statements.set(name, build());
  return statements.get(name) as T;
}
