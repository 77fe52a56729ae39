import { sql, type SQL } from 'drizzle-orm';

/**
 * A vendor guest's account (initiative_guests, issue 14) works from its invitation to its last day
 * (`expires_on`, inclusive, in the district's time zone) unless revoked. These fragments let the
 * session query and sign-in read it in the statement they already run. `userId` is a qualified
 * column of the outer query.
 */

/** True when the user is a guest whose account has ended (revoked, or past its last day). */
export const guestEnded = (userId: SQL): SQL<boolean> => sql<boolean>`exists (select 1 from initiative_guests ge
  join districts gd on gd.id = ge.district_id
  where ge.user_id = ${userId}
    and (ge.revoked_at is not null or ge.expires_on < (now() at time zone gd.time_zone)::date))`;

/** The guest's initiative and the framework of its practice profile, or null for everyone else. */
export const guestScopeJson = (userId: SQL) => sql<{ initiativeId: string; frameworkId: string | null } | null>`(select
  json_build_object('initiativeId', gi.initiative_id, 'frameworkId', gv.framework_id)
  from initiative_guests gi
  join initiatives gin on gin.id = gi.initiative_id
  left join framework_versions gv on gv.id = gin.profile_version_id
  where gi.user_id = ${userId})`;
