/** The qualified() helper keeps the table on an outer column, where Drizzle would drop it. */
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { describe, expect, it } from 'vitest';
import { qualified } from './qualified.ts';
import * as schema from './schema/index.ts';
import { observations, rubricCriteria } from './schema/index.ts';

const db = drizzle.mock({ schema, casing: 'snake_case' });

describe('qualified', () => {
  it('renders "table"."column" in a selected subquery, where a bare column binds to the inner table', () => {
    const bare = db.select({ n: sql`(select 1 from ${rubricCriteria} c where c.rubric_id = ${observations.rubricId})` }).from(observations);
    expect(bare.toSQL().sql).toContain('c.rubric_id = "rubric_id"');
    const safe = db
      .select({ n: sql`(select 1 from ${rubricCriteria} c where c.rubric_id = ${qualified(observations.rubricId)})` })
      .from(observations);
    expect(safe.toSQL().sql).toContain('c.rubric_id = "observations"."rubric_id"');
  });

  it('names an aliased table by its alias', () => {
    const o = alias(observations, 'o');
    const q = db.select({ n: sql`(select 1 from ${rubricCriteria} c where c.rubric_id = ${qualified(o.rubricId)})` }).from(o);
    expect(q.toSQL().sql).toContain('c.rubric_id = "o"."rubric_id"');
  });
});
