import { and, asc, eq, sql } from 'drizzle-orm';
import type { SsoOptions } from '../../../../common/schemas/sso.ts';
import type { Db } from '../../../db/client.ts';
import { districts, ssoProviders } from '../../../db/schema/index.ts';
import { notFound } from '../../../lib/errors.ts';
import { signInSettingsOf } from '../sign-in-settings.ts';

const NONE: SsoOptions = { district: null, providers: [], passwordSignIn: true };

/**
 * What the signed-out sign-in page offers: a district's enabled providers and whether it takes
 * passwords, found by its slug (the shared link) or by an e-mail domain that exactly one
 * district's enabled provider lists. It depends on the district and domain only, never on
 * whether an account exists. An unknown slug answers 404; an unknown domain answers no district.
 */
export async function ssoOptions(db: Db, input: { district?: string; domain?: string }): Promise<SsoOptions> {
  let district: { id: string; slug: string; name: string } | undefined;
  if (input.district) {
    [district] = await db
      .select({ id: districts.id, slug: districts.slug, name: districts.name })
      .from(districts)
      .where(eq(districts.slug, input.district));
    if (!district) throw notFound('District');
  } else if (input.domain) {
    const matches = await db
      .selectDistinct({ id: districts.id, slug: districts.slug, name: districts.name })
      .from(ssoProviders)
      .innerJoin(districts, eq(districts.id, ssoProviders.districtId))
      .where(and(eq(ssoProviders.enabled, true), sql`${input.domain} = any(${ssoProviders.allowedDomains})`))
      .limit(2);
    // A domain two districts claim points to neither: their shared links still work.
    if (matches.length !== 1) return NONE;
    district = matches[0];
  }
  if (!district) return NONE;
  const providers = await db
    .select({ id: ssoProviders.id, displayName: ssoProviders.displayName, kind: ssoProviders.kind })
    .from(ssoProviders)
    .where(and(eq(ssoProviders.districtId, district.id), eq(ssoProviders.enabled, true)))
    .orderBy(asc(ssoProviders.createdAt));
  return {
    district: { slug: district.slug, name: district.name },
    providers: providers.map((p) => ({ ...p, kind: p.kind as SsoOptions['providers'][number]['kind'] })),
    passwordSignIn: (await signInSettingsOf(db, district.id)).passwordSignIn,
  };
}
