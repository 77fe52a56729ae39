-- Row-level security: request work runs as the role trellis_app (no login, not the tables' owner,
-- no BYPASSRLS) with the caller's district in the setting app.district_id; a query that forgets its
-- district filter reads nothing of another district, and nothing at all when no district is set.
-- The migrating user owns the tables and bypasses the policies (sign-in, session lookup, jobs).
-- Role names are cluster-wide and test files migrate databases in parallel: tolerate the races.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trellis_app') THEN
    BEGIN
      CREATE ROLE trellis_app NOLOGIN NOBYPASSRLS;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'Trellis needs the database role trellis_app, and % may not create roles', current_user
          USING HINT = format('As a superuser run: CREATE ROLE trellis_app NOLOGIN; GRANT trellis_app TO %I;  (or give %I CREATEROLE)', current_user, current_user);
    END;
  END IF;
  -- PostgreSQL 16+ separates membership from the right to SET ROLE (a CREATEROLE creator gets neither).
  IF NOT pg_has_role(current_user, 'trellis_app', CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END) THEN
    BEGIN
      EXECUTE format('GRANT trellis_app TO %I', current_user)
        || CASE WHEN current_setting('server_version_num')::int >= 160000 THEN ' WITH SET TRUE, INHERIT FALSE' ELSE '' END;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege OR invalid_grant_operation THEN
        RAISE EXCEPTION 'The database user % must be a member of the role trellis_app', current_user
          USING HINT = format('As a superuser run: GRANT trellis_app TO %I;', current_user);
    END;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO trellis_app;
--> statement-breakpoint
-- Makes a table with a district_id column a tenant table: RLS on, the one district policy, and
-- DML for trellis_app (which is granted nothing else, so a table left out fails loudly).
-- A migration adding such a table ends with: SELECT trellis_tenant_table('the_table');
CREATE OR REPLACE FUNCTION trellis_tenant_table(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('DROP POLICY IF EXISTS district_isolation ON %s', t);
  EXECUTE format(
    'CREATE POLICY district_isolation ON %s USING (district_id = (SELECT trellis_district())) WITH CHECK (district_id = (SELECT trellis_district()))',
    t);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO trellis_app', t);
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trellis_tenant_table(regclass) FROM PUBLIC;
--> statement-breakpoint
-- The district of the current connection or transaction (null when none is set: then every
-- policy compares with null and no row qualifies).
CREATE OR REPLACE FUNCTION trellis_district() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.district_id', true), '')::uuid
$$;
--> statement-breakpoint
DO $$
DECLARE t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'district_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    PERFORM trellis_tenant_table(t);
  END LOOP;
END $$;
--> statement-breakpoint
-- The district itself: its own row only.
ALTER TABLE districts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY district_isolation ON districts USING (id = (SELECT trellis_district())) WITH CHECK (id = (SELECT trellis_district()));
--> statement-breakpoint
GRANT SELECT, UPDATE ON districts TO trellis_app;
--> statement-breakpoint
-- A table keyed by user_id without district_id: rows of the district's users only, through the
-- users policy. A migration adding such a table ends with: SELECT trellis_user_table('the_table');
CREATE OR REPLACE FUNCTION trellis_user_table(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('DROP POLICY IF EXISTS district_isolation ON %s', t);
  EXECUTE format(
    'CREATE POLICY district_isolation ON %s USING (user_id IN (SELECT u.id FROM users u)) WITH CHECK (user_id IN (SELECT u.id FROM users u))',
    t);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO trellis_app', t);
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trellis_user_table(regclass) FROM PUBLIC;
--> statement-breakpoint
-- Set-password links (invitations are sent by HR in a request).
SELECT trellis_user_table('password_resets');
-- sign_in_throttles has no district and is only used before one is known: trellis_app gets nothing.
