/**
 * Row-level security plumbing (migration 0003_row_level_security.sql): request work runs as the
 * role trellis_app with the caller's district in the setting `app.district_id`; the policies then
 * show and accept only that district's rows. The owner's connections bypass them.
 */
import pg from 'pg';

/** The role district-bound work runs as: no login, not the tables' owner, no BYPASSRLS. */
export const TENANT_ROLE = 'trellis_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws unless `districtId` is a UUID (it is written into SQL settings). */
export function assertDistrictId(districtId: string): void {
  if (!UUID.test(districtId)) throw new Error(`Not a district id: ${JSON.stringify(districtId)}`);
}

/** The district each tenant connection is set to now (absent: none set yet). */
const connectionDistrict = new WeakMap<pg.PoolClient, string | null>();

async function bind(client: pg.PoolClient, districtId: string | null): Promise<pg.PoolClient> {
  if (connectionDistrict.get(client) === districtId) return client;
  try {
    connectionDistrict.delete(client);
    await client.query(`select set_config('app.district_id', $1, false)`, [districtId ?? '']);
    connectionDistrict.set(client, districtId);
    return client;
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
}

/**
 * The pool of connections that act as trellis_app from their first statement: the role is a
 * startup parameter, so a connection that could not take it never opens (and `RESET ROLE` on one
 * returns to trellis_app, not to the owner).
 */
export function openTenantPool(url: string, max: number): pg.Pool {
  // Options given in the URL would replace these: keep them, with the role after them.
  const parsed = new URL(url);
  const given = parsed.searchParams.get('options');
  if (given) parsed.searchParams.delete('options');
  const options = `${given ? `${given} ` : ''}-c role=${TENANT_ROLE}`;
  const pool = new pg.Pool({ connectionString: given ? parsed.toString() : url, max, options });
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.error(`PostgreSQL: an idle connection failed: ${err.message}`);
  });
  return pool;
}

/**
 * A pool-alike for Drizzle whose statements and transactions run on the tenant pool in
 * `districtId` (`null`: none, so tenant tables read empty). A connection's setting changes only
 * when it last served another district. It is still `instanceof pg.Pool`, which is how Drizzle's
 * driver decides to check a connection out for a transaction.
 */
export function districtPool(pool: pg.Pool, districtId: string | null): pg.Pool {
  if (districtId !== null) assertDistrictId(districtId);
  return Object.create(pool, {
    connect: { value: async () => bind(await pool.connect(), districtId) },
    query: {
      value: async (config: pg.QueryConfig, values?: unknown[]) => {
        const client = await bind(await pool.connect(), districtId);
        try {
          return await client.query(config, values);
        } finally {
          client.release();
        }
      },
    },
  }) as pg.Pool;
}

/**
 * At start: checks that tenant connections open as trellis_app and that the role is held to the
 * policies, and says what to do when not.
 */
export async function checkTenantRole(pool: pg.Pool): Promise<void> {
  let row: { current_user: string; rolsuper: boolean; rolbypassrls: boolean } | undefined;
  try {
    ({
      rows: [row],
    } = await pool.query<NonNullable<typeof row>>(
      `select current_user, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`,
    ));
  } catch (err) {
    throw new Error(
      `PostgreSQL: cannot act as the role ${TENANT_ROLE} (${(err as Error).message}). The DATABASE_URL user must be a member of it: ` +
        `as a superuser run "CREATE ROLE ${TENANT_ROLE} NOLOGIN; GRANT ${TENANT_ROLE} TO <user>;" (see README, PostgreSQL mode).`,
      { cause: err },
    );
  }
  if (row?.current_user !== TENANT_ROLE) throw new Error(`PostgreSQL: tenant connections act as ${row?.current_user}, not ${TENANT_ROLE}`);
  if (row.rolsuper || row.rolbypassrls) {
    throw new Error(
      `PostgreSQL: the role ${TENANT_ROLE} must not be a superuser nor bypass row-level security: ALTER ROLE ${TENANT_ROLE} NOSUPERUSER NOBYPASSRLS;`,
    );
  }
}
