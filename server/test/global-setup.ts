import type { TestProject } from 'vitest/node';
import { preparePgliteTemplate, preparePostgresTemplate } from './template-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated embedded database, each test file's starting point (PGlite runs). */
    pgliteTemplate: string | null;
    /** A migrated database on TEST_DATABASE_URL's server that each test file copies (PostgreSQL runs). */
    postgresTemplate: string | null;
  }
}

/** Migrates once per run the database every test file starts from (template-database.ts). */
export async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide('pgliteTemplate', await preparePgliteTemplate());
    project.provide('postgresTemplate', null);
    return;
  }
  const template = await preparePostgresTemplate(serverUrl);
  project.provide('pgliteTemplate', null);
  project.provide('postgresTemplate', template.name);
  return () => template.drop();
}
