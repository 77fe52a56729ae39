import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { frameworkItems, frameworkVersions, rubrics } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { buildItem, buildItemTypes, buildPackage, loadVersionContent, type VersionContent } from './export.ts';
import { caseUri } from './rows.ts';

/**
 * The CASE 1.1 REST API (read-only) for other systems: only published and retired versions of the
 * caller's district are served; drafts and other districts' frameworks do not exist here (404).
 */
export interface CaseReader {
  db: Db;
  districtId: string;
  /** Set when the caller is another system with an API token (its package reads are audited). */
  tokenId: string | null;
  userId: string | null;
  requestId: string;
}

const SERVED = ['published', 'retired'];
type Json = Record<string, unknown>;

const served = (reader: CaseReader) => and(eq(frameworkVersions.districtId, reader.districtId), inArray(frameworkVersions.status, SERVED));
/** When one CASE identifier is in several versions (re-imports), the published one, newest first. */
const preferred = [
  sql`(${frameworkVersions.status} = 'published') desc`,
  desc(frameworkVersions.publishedAt),
  desc(frameworkVersions.createdAt),
];

async function versionByDocument(reader: CaseReader, identifier: string) {
  const [row] = await reader.db
    .select()
    .from(frameworkVersions)
    .where(and(served(reader), eq(frameworkVersions.caseIdentifier, identifier)))
    .orderBy(...preferred)
    .limit(1);
  if (!row) throw notFound('CFDocument');
  return row;
}

const documentOf = (content: VersionContent, baseUrl: string) => {
  const pkg = buildPackage({ ...content, items: [], associations: [], rubrics: [] }, baseUrl);
  const doc = pkg.CFDocument as Json;
  return {
    ...doc,
    CFPackageURI: { title: doc.title, identifier: doc.identifier, uri: caseUri(baseUrl, 'CFPackages', doc.identifier as string) },
  };
};

export async function getCasePackage(reader: CaseReader, identifier: string, baseUrl: string) {
  const version = await versionByDocument(reader, identifier);
  const pkg = buildPackage(await loadVersionContent(reader.db, version), baseUrl);
  if (reader.tokenId) {
    await recordAudit(
      reader.db,
      { requestId: reader.requestId, actor: { userId: null, districtId: reader.districtId } },
      {
        action: 'case.package_read',
        entityType: 'framework_version',
        entityId: version.id,
        after: { tokenId: reader.tokenId },
      },
    );
  }
  return pkg;
}

export async function getCaseDocument(reader: CaseReader, identifier: string, baseUrl: string) {
  const version = await versionByDocument(reader, identifier);
  return documentOf({ version, items: [], associations: [], rubrics: [] }, baseUrl);
}

export async function listCaseDocuments(reader: CaseReader, page: { limit: number; offset: number }, baseUrl: string) {
  const rows = await reader.db
    .select()
    .from(frameworkVersions)
    .where(served(reader))
    .orderBy(asc(frameworkVersions.title), asc(frameworkVersions.versionNumber), asc(frameworkVersions.id))
    .limit(page.limit)
    .offset(page.offset);
  return { CFDocuments: rows.map((version) => documentOf({ version, items: [], associations: [], rubrics: [] }, baseUrl)) };
}

export async function getCaseItem(reader: CaseReader, identifier: string, baseUrl: string) {
  const [row] = await reader.db
    .select({ version: frameworkVersions })
    .from(frameworkItems)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, frameworkItems.versionId))
    .where(and(served(reader), eq(frameworkItems.caseIdentifier, identifier)))
    .orderBy(...preferred)
    .limit(1);
  if (!row) throw notFound('CFItem');
  const content = await loadVersionContent(reader.db, row.version);
  const item = buildItem(content, buildPackage(content, baseUrl), identifier);
  if (!item) throw notFound('CFItem');
  return item;
}

export async function getCaseRubric(reader: CaseReader, identifier: string, baseUrl: string) {
  const [row] = await reader.db
    .select({ version: frameworkVersions })
    .from(rubrics)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, rubrics.versionId))
    .where(and(served(reader), eq(rubrics.caseIdentifier, identifier)))
    .orderBy(...preferred)
    .limit(1);
  if (!row) throw notFound('CFRubric');
  const content = await loadVersionContent(reader.db, row.version);
  const found = (buildPackage(content, baseUrl).CFRubrics as Json[]).find((r) => r.identifier === identifier);
  if (!found) throw notFound('CFRubric');
  return found;
}

/**
 * One item type (CASE 1.1 `CFItemTypes/{id}`), the one an exported item's CFItemTypeURI names.
 * Item types live on their version (a small list each), so the district's served versions are
 * read, preferred first, and the first type with that identifier answers.
 */
export async function getCaseItemType(reader: CaseReader, identifier: string, baseUrl: string) {
  const versions = await reader.db
    .select({
      caseIdentifier: frameworkVersions.caseIdentifier,
      itemTypes: frameworkVersions.itemTypes,
      updatedAt: frameworkVersions.updatedAt,
    })
    .from(frameworkVersions)
    .where(served(reader))
    .orderBy(...preferred);
  for (const version of versions) {
    const found = buildItemTypes(version, baseUrl).find((t) => t.identifier === identifier);
    if (found) return found;
  }
  throw notFound('CFItemType');
}
