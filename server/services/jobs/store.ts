import type PgBoss from 'pg-boss';
import { JOB_NAMES } from '../../jobs/definitions.ts';
import { JOBS_SCHEMA } from '../../jobs/queue.ts';

/** A job row as pg-boss keeps it (times as ISO text, the same on PostgreSQL and PGlite). */
export interface StoredJob {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  startedAt: string | null;
  createdAt: string;
  completedAt: string | null;
  startAfter: string;
  error: string | null;
}

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `id, name, state::text as state, retry_count as "retryCount", retry_limit as "retryLimit",
  ${iso('started_on')} as "startedAt", ${iso('created_on')} as "createdAt", ${iso('completed_on')} as "completedAt",
  ${iso('start_after')} as "startAfter", left(output->>'message', 300) as error, created_on`;

/**
 * The district's jobs, newest first: those in the queue and those archived (done more than a week
 * ago, failed more than 30 days ago). pg-boss's tables have no district column: a job of a district
 * carries it in its payload (server/jobs/definitions.ts), and only our kinds of job are read.
 */
export async function districtJobs(sql: PgBoss.Db, districtId: string, opts: { failedOnly: boolean; limit: number }): Promise<StoredJob[]> {
  const where = `data->>'districtId' = $1 and name = any($2::text[])${opts.failedOnly ? ` and state = 'failed'` : ''}`;
  const { rows } = await sql.executeSql(
    `select * from (
       select ${COLUMNS} from ${JOBS_SCHEMA}.job where ${where}
       union all
       select ${COLUMNS} from ${JOBS_SCHEMA}.archive where ${where}
     ) jobs order by created_on desc, id limit $3`,
    [districtId, JOB_NAMES, opts.limit],
  );
  return rows as StoredJob[];
}

/** One job of the district still in the queue (an archived job cannot be retried), or undefined. */
export async function districtJob(sql: PgBoss.Db, districtId: string, id: string): Promise<StoredJob | undefined> {
  const { rows } = await sql.executeSql(
    `select ${COLUMNS} from ${JOBS_SCHEMA}.job where id = $1 and data->>'districtId' = $2 and name = any($3::text[])`,
    [id, districtId, JOB_NAMES],
  );
  return rows[0] as StoredJob | undefined;
}
