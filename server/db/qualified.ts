import { sql, type Column, type SQL } from 'drizzle-orm';

/**
 * A column as `"table"."column"` wherever it is rendered. Drizzle renders `${table.column}` in a
 * SELECT list as a bare `"column"`, which inside a subquery binds to the subquery's own table (a
 * check that compares a column with itself); use this for every outer column a correlated subquery
 * names. Drizzle strips the table only from columns placed directly in a selected fragment, so a
 * column wrapped in a fragment of its own keeps it (and its casing); the test beside this file
 * holds Drizzle to that. The lint rule `trellis/qualified-subquery-columns` asks for it
 * (ARCHITECTURE.md, "Raw SQL").
 *
 * @example sql`(select count(*) from rubric_criteria c where c.rubric_id = ${qualified(observations.rubricId)})`
 */
export function qualified(column: Column): SQL {
  return sql`${column}`;
}
