import { ASSOCIATION_TYPES, FRAMEWORK_MAX_ITEMS } from '../../../common/competency.ts';
import type { CaseLink, ItemTypeDef } from '../../db/schema/frameworks.ts';
import { caseUuid, normalizeName, uuidV5, type ObjectKind } from './fields.ts';
import { assignPositions, rejectCycles } from './hierarchy.ts';
import { packageOfDocumentList } from './document-list.ts';
import { CaseFileError, Messages } from './messages.ts';
import { isObject, normalizeObject, rest, str, type Fields } from './normalize.ts';
import { asList, caseUri, decode, rowHelpers } from './rows.ts';
import type { ParsedAssociation, ParsedCriterion, ParsedFramework, ParsedItem, ParsedLevel, ParsedRubric } from './types.ts';

export interface CaseParseOptions {
  /** Origin used for the `uri` of rows that have none (e.g. `https://trellis.example.org`). */
  baseUrl: string;
  /** Used for missing `lastChangeDateTime`s. */
  now: Date;
  /** Title when the document has none (e.g. the file name). */
  defaultTitle: string;
  /** Creator when the document has none (the district's name). */
  defaultCreator: string;
}

/** Association types this import understands: CASE 1.1's list (isTranslationOf included), plus `ext:` types. */
export const KNOWN_ASSOCIATION_TYPES = [...ASSOCIATION_TYPES, 'isTranslationOf'] as const;
const EXT_TYPE = /^ext:[a-zA-Z0-9.|_-]+$/;

const DEFINITION_SECTIONS = [
  { key: 'CFConcepts', kind: 'concept', collection: 'CFConcepts', required: ['title', 'hierarchyCode'] },
  { key: 'CFSubjects', kind: 'subject', collection: 'CFSubjects', required: ['title', 'hierarchyCode'] },
  { key: 'CFLicenses', kind: 'license', collection: 'CFLicenses', required: ['title', 'licenseText'] },
  { key: 'CFAssociationGroupings', kind: 'grouping', collection: 'CFAssociationGroupings', required: ['title'] },
] as const;

/**
 * Reads a CASE 1.0/1.1 CFPackage. Pure: no database. Lenient (see fields.ts and normalize.ts):
 * it imports what it can and lists warnings; it throws CaseFileError only for what it cannot
 * understand (not JSON, not a package, no document, a cycle in the isChildOf tree, too many items).
 *
 * Everything the export writes that the file lacked (uris, timestamps, identifiers of the links
 * placing items in the tree) is filled in here and stored, so import -> export -> import is a
 * fixed point: the second import stores exactly what the first one did.
 */
export function parseCasePackage(data: Buffer | string, opts: CaseParseOptions): ParsedFramework {
  const messages = new Messages();
  const now = opts.now.toISOString();
  const { synthesizedUri, ensure, idOf } = rowHelpers(messages, opts.baseUrl, now);
  let root: unknown;
  try {
    root = JSON.parse(decode(data));
  } catch (err) {
    throw new CaseFileError('not_json', { reason: (err instanceof Error ? err.message : String(err)).slice(0, 200) });
  }
  if (Array.isArray(root) && root.length === 1) root = root[0];
  if (isObject(root)) {
    const keys = Object.keys(root);
    if (keys.length === 1 && normalizeName(keys[0]!) === 'cfpackage' && isObject(root[keys[0]!])) root = root[keys[0]!];
  }
  if (isObject(root)) root = packageOfDocumentList(root);
  if (!isObject(root)) throw new CaseFileError('not_a_package', { found: Array.isArray(root) ? 'array' : typeof root });
  const pkg = normalizeObject('package', root, '$', messages);
  if (pkg.CFDocument === undefined && pkg.CFItems === undefined) throw new CaseFileError('not_a_package', { found: 'object' });
  const docRaw = Array.isArray(pkg.CFDocument) ? pkg.CFDocument[0] : pkg.CFDocument;
  if (!isObject(docRaw)) throw new CaseFileError('missing_document');

  // The document.
  const doc = normalizeObject('document', docRaw, 'CFDocument', messages);
  const rawDocId = str(doc.identifier);
  const title = str(doc.title) ?? opts.defaultTitle;
  if (!str(doc.title)) messages.warn('missing_title', 'CFDocument.title', { title });
  const docId = rawDocId ? caseUuid(rawDocId, messages, 'CFDocument.identifier') : uuidV5(`document:${title}`);
  if (!rawDocId) messages.warn('missing_identifier', 'CFDocument.identifier', { identifier: docId });
  const creator = str(doc.creator) ?? opts.defaultCreator;
  if (!str(doc.creator)) messages.warn('missing_creator', 'CFDocument.creator', { creator });
  const docUri = str(doc.uri) ?? synthesizedUri('CFDocuments', docId, 'CFDocument.uri');
  const docIds = new Set([docId, rawDocId?.trim() ?? docId]);

  // Definitions: item types become the version's item types; the rest is kept on the document.
  const defs = isObject(pkg.CFDefinitions) ? normalizeObject('definitions', pkg.CFDefinitions, 'CFDefinitions', messages) : {};
  const itemTypes: (ItemTypeDef & Fields)[] = [];
  const typeById = new Map<string, ItemTypeDef & Fields>();
  const typeByName = new Map<string, ItemTypeDef & Fields>();
  const addType = (def: ItemTypeDef & Fields) => {
    let code = def.code;
    for (let n = 2; itemTypes.some((t) => t.code === code); n++) code = `${def.code} (${n})`;
    def.code = code;
    itemTypes.push(def);
    typeById.set(def.identifier!, def);
    typeByName.set(def.title.toLowerCase(), def);
    typeByName.set(code.toLowerCase(), def);
    return def;
  };
  asList(defs.CFItemTypes, 'CFDefinitions.CFItemTypes', messages).forEach((raw, j) => {
    const path = `CFDefinitions.CFItemTypes[${j}]`;
    if (!isObject(raw)) return messages.warn('not_an_object', path, {});
    const f = normalizeObject('itemType', raw, path, messages);
    const typeTitle = str(f.title) ?? str(f.typeCode) ?? `Type ${j + 1}`;
    const identifier = idOf(f, path, `itemType:${docId}:${typeTitle}`);
    if (typeById.has(identifier)) return messages.warn('duplicate_identifier', path, { identifier });
    ensure(f, 'CFItemTypes', identifier, path);
    addType({
      ...rest(f, ['identifier', 'title', 'typeCode', 'description', 'hierarchyCode']),
      code: str(f.typeCode) ?? typeTitle,
      title: typeTitle,
      description: str(f.description),
      hierarchyCode: str(f.hierarchyCode),
      identifier,
      uri: f.uri as string,
    });
  });
  const definitions: Fields = {};
  let definitionCount = 0;
  for (const section of DEFINITION_SECTIONS) {
    const seen = new Set<string>();
    const list: Fields[] = [];
    asList(defs[section.key], `CFDefinitions.${section.key}`, messages).forEach((raw, j) => {
      const path = `CFDefinitions.${section.key}[${j}]`;
      if (!isObject(raw)) return messages.warn('not_an_object', path, {});
      const f = normalizeObject(section.kind as ObjectKind, raw, path, messages);
      const identifier = idOf(f, path, `${section.kind}:${docId}:${j}`);
      if (seen.has(identifier)) return messages.warn('duplicate_identifier', path, { identifier });
      seen.add(identifier);
      f.identifier = identifier;
      for (const key of section.required) f[key] = typeof f[key] === 'string' ? f[key] : '';
      list.push(ensure(f, section.collection, identifier, path));
    });
    if (list.length > 0) definitions[section.key] = list;
    definitionCount += list.length;
  }
  if (defs.extensions !== undefined) definitions.extensions = defs.extensions;

  // Items.
  const rawItems = asList(pkg.CFItems, 'CFItems', messages);
  if (rawItems.length > FRAMEWORK_MAX_ITEMS)
    throw new CaseFileError('too_many_items', { count: rawItems.length, max: FRAMEWORK_MAX_ITEMS });
  const items: ParsedItem[] = [];
  const itemIndex = new Map<string, number>();
  const itemIndexByUri = new Map<string, number>();
  rawItems.forEach((raw, i) => {
    const path = `CFItems[${i}]`;
    if (!isObject(raw)) return messages.warn('not_an_object', path, {});
    const f = normalizeObject('item', raw, path, messages);
    const original = str(f.identifier)?.trim();
    const identifier = idOf(f, path, `item:${docId}:${i}`);
    if (docIds.has(identifier) || itemIndex.has(identifier)) return messages.warn('duplicate_identifier', path, { identifier });
    let fullStatement = str(f.fullStatement);
    if (!fullStatement) {
      fullStatement = str(f.abbreviatedStatement) ?? str(f.humanCodingScheme) ?? str(f.alternativeLabel) ?? identifier;
      messages.warn('missing_full_statement', `${path}.fullStatement`, { identifier, used: fullStatement.slice(0, 80) });
    }
    ensure(f, 'CFItems', identifier, path);
    // Item type: by the link's identifier, else by name; an unknown one becomes a new item type.
    const typeLink = f.CFItemTypeURI as CaseLink | undefined;
    const typeName = str(f.CFItemType);
    let type = (typeLink && typeById.get(typeLink.identifier)) || (typeName && typeByName.get(typeName.toLowerCase())) || undefined;
    if (!type && (typeName || typeLink)) {
      const name = typeName ?? (typeLink!.title || 'Item');
      const identifier = typeLink?.identifier ?? uuidV5(`itemType:${docId}:${name}`);
      type = addType({
        code: name,
        title: name,
        description: null,
        hierarchyCode: null,
        identifier,
        uri: typeLink?.uri && !typeLink.uri.startsWith('urn:') ? typeLink.uri : caseUri(opts.baseUrl, 'CFItemTypes', identifier),
        lastChangeDateTime: now,
      });
    }
    const keepTypeLink = typeLink && type && typeLink.identifier !== type.identifier;
    const caseFields = rest(f, [
      'identifier',
      'fullStatement',
      'humanCodingScheme',
      'abbreviatedStatement',
      'alternativeLabel',
      'notes',
      'language',
      'listEnumeration',
      'educationLevel',
      'conceptKeywords',
      'CFItemType',
      'lastChangeDateTime',
      ...(keepTypeLink ? [] : ['CFItemTypeURI']),
    ]);
    itemIndex.set(identifier, items.length);
    if (original && original !== identifier) itemIndex.set(original, items.length);
    itemIndexByUri.set(f.uri as string, items.length);
    items.push({
      identifier,
      parentIndex: null,
      position: 0,
      parentAssociationIdentifier: null,
      itemType: type?.code ?? null,
      humanCode: str(f.humanCodingScheme),
      fullStatement,
      abbreviatedStatement: str(f.abbreviatedStatement),
      alternativeLabel: str(f.alternativeLabel),
      notes: str(f.notes),
      language: str(f.language),
      listEnumeration: str(f.listEnumeration),
      educationLevel: (f.educationLevel as string[] | undefined) ?? null,
      conceptKeywords: (f.conceptKeywords as string[] | undefined) ?? null,
      caseFields,
      sourceChangedAt: new Date(f.lastChangeDateTime as string),
    });
  });

  // Associations: the first isChildOf of each item places it in the tree; the rest are kept as links.
  const resolve = (node: CaseLink): { index: number | null; isDocument: boolean } => {
    const index = itemIndex.get(node.identifier) ?? itemIndexByUri.get(node.uri);
    if (index !== undefined) {
      node.identifier = items[index]!.identifier;
      return { index, isDocument: false };
    }
    const isDocument = docIds.has(node.identifier) || node.uri === docUri;
    if (isDocument) node.identifier = docId;
    return { index: null, isDocument };
  };
  const placed = new Map<number, { sequence: number | null; order: number }>();
  const associations: ParsedAssociation[] = [];
  const associationIds = new Set<string>();
  let hierarchyLinks = 0;
  asList(pkg.CFAssociations, 'CFAssociations', messages).forEach((raw, k) => {
    const path = `CFAssociations[${k}]`;
    if (!isObject(raw)) return messages.warn('not_an_object', path, {});
    const f = normalizeObject('association', raw, path, messages);
    const identifier = idOf(f, path, `association:${docId}:${k}`);
    if (associationIds.has(identifier)) return messages.warn('duplicate_identifier', path, { identifier });
    const given = str(f.associationType)?.trim() ?? '';
    let type = KNOWN_ASSOCIATION_TYPES.find((t) => t === given) as string | undefined;
    if (!type) {
      type = KNOWN_ASSOCIATION_TYPES.find((t) => normalizeName(t) === normalizeName(given));
      if (type) messages.warn('association_type_renamed', `${path}.associationType`, { from: given, to: type });
      else if (EXT_TYPE.test(given)) type = given;
      else return messages.warn('unknown_association_type', `${path}.associationType`, { type: given.slice(0, 80) });
    }
    const origin = f.originNodeURI as CaseLink | undefined;
    const destination = f.destinationNodeURI as CaseLink | undefined;
    if (!origin || !destination) return messages.warn('association_missing_node', path, { identifier });
    associationIds.add(identifier);
    ensure(f, 'CFAssociations', identifier, path);
    const from = resolve(origin);
    const to = resolve(destination);
    const sequence = typeof f.sequenceNumber === 'number' ? f.sequenceNumber : null;
    if (type === 'isChildOf' && from.index !== null && !placed.has(from.index) && (to.isDocument || to.index !== null)) {
      const item = items[from.index]!;
      item.parentIndex = to.index;
      item.parentAssociationIdentifier = identifier;
      item.caseFields.parentAssociation = rest(f, [
        'identifier',
        'associationType',
        'originNodeURI',
        'destinationNodeURI',
        'sequenceNumber',
      ]);
      placed.set(from.index, { sequence, order: k });
      hierarchyLinks++;
      return;
    }
    if (type === 'isChildOf' && from.index !== null) {
      if (placed.has(from.index))
        messages.warn('extra_parent', path, { item: items[from.index]!.humanCode ?? items[from.index]!.identifier });
      else
        messages.warn('external_parent', path, {
          item: items[from.index]!.humanCode ?? items[from.index]!.identifier,
          parent: destination.uri,
        });
    }
    if (from.index === null && to.index === null && !from.isDocument && !to.isDocument) {
      messages.warn('association_external', path, { identifier });
    }
    associations.push({
      identifier,
      associationType: type,
      originIndex: from.index,
      destinationIndex: to.index,
      originNode: origin,
      destinationNode: destination,
      sequenceNumber: sequence,
      notes: str(f.notes),
      caseFields: rest(f, ['identifier', 'associationType', 'originNodeURI', 'destinationNodeURI', 'sequenceNumber', 'notes']),
    });
  });

  // Items that no isChildOf placed go to the top level, after the placed ones.
  items.forEach((item, i) => {
    if (placed.has(i)) return;
    messages.warn('item_without_parent', `CFItems[${i}]`, { item: item.humanCode ?? item.identifier });
    item.parentAssociationIdentifier = uuidV5(`${item.identifier}:isChildOf:${docId}`);
    item.caseFields.parentAssociation = {
      uri: caseUri(opts.baseUrl, 'CFAssociations', item.parentAssociationIdentifier),
      lastChangeDateTime: now,
    };
  });
  rejectCycles(items);
  assignPositions(items, placed);

  // Rubrics, their criteria and levels.
  const rubrics: ParsedRubric[] = [];
  const rubricIds = new Set<string>();
  asList(pkg.CFRubrics, 'CFRubrics', messages).forEach((raw, r) => {
    const path = `CFRubrics[${r}]`;
    if (!isObject(raw)) return messages.warn('not_an_object', path, {});
    const f = normalizeObject('rubric', raw, path, messages);
    const identifier = idOf(f, path, `rubric:${docId}:${r}`);
    if (rubricIds.has(identifier)) return messages.warn('duplicate_identifier', path, { identifier });
    rubricIds.add(identifier);
    ensure(f, 'CFRubrics', identifier, path);
    const rubricTitle = str(f.title) ?? `Rubric ${r + 1}`;
    if (!str(f.title)) messages.warn('missing_title', `${path}.title`, { title: rubricTitle });
    const criteria: ParsedCriterion[] = [];
    const criterionIds = new Set<string>();
    asList(f.CFRubricCriteria, `${path}.CFRubricCriteria`, messages).forEach((rawC, c) => {
      const cPath = `${path}.CFRubricCriteria[${c}]`;
      if (!isObject(rawC)) return messages.warn('not_an_object', cPath, {});
      const cf = normalizeObject('criterion', rawC, cPath, messages);
      const cId = idOf(cf, cPath, `criterion:${identifier}:${c}`);
      if (criterionIds.has(cId)) return messages.warn('duplicate_identifier', cPath, { identifier: cId });
      criterionIds.add(cId);
      ensure(cf, 'CFRubricCriteria', cId, cPath);
      const link = cf.CFItemURI as CaseLink | undefined;
      const itemIdx = link ? (itemIndex.get(link.identifier) ?? itemIndexByUri.get(link.uri) ?? null) : null;
      if (link && itemIdx === null) messages.warn('criterion_item_unknown', `${cPath}.CFItemURI`, { identifier: link.identifier });
      const levels: ParsedLevel[] = [];
      const levelIds = new Set<string>();
      asList(cf.CFRubricCriterionLevels, `${cPath}.CFRubricCriterionLevels`, messages).forEach((rawL, l) => {
        const lPath = `${cPath}.CFRubricCriterionLevels[${l}]`;
        if (!isObject(rawL)) return messages.warn('not_an_object', lPath, {});
        const lf = normalizeObject('level', rawL, lPath, messages);
        const lId = idOf(lf, lPath, `level:${cId}:${l}`);
        if (levelIds.has(lId)) return messages.warn('duplicate_identifier', lPath, { identifier: lId });
        levelIds.add(lId);
        ensure(lf, 'CFRubricCriterionLevels', lId, lPath);
        levels.push({
          identifier: lId,
          position: typeof lf.position === 'number' ? lf.position : l,
          quality: str(lf.quality),
          levelScore: typeof lf.score === 'number' ? lf.score : null,
          description: typeof lf.description === 'string' ? lf.description : '',
          feedback: str(lf.feedback),
          caseFields: rest(lf, ['identifier', 'position', 'quality', 'score', 'description', 'feedback', 'rubricCriterionId']),
        });
      });
      criteria.push({
        identifier: cId,
        itemIndex: itemIdx,
        position: typeof cf.position === 'number' ? cf.position : c,
        category: str(cf.category),
        description: str(cf.description),
        weight: typeof cf.weight === 'number' ? cf.weight : null,
        caseFields: rest(cf, [
          'identifier',
          'position',
          'category',
          'description',
          'weight',
          'rubricId',
          'CFRubricCriterionLevels',
          ...(itemIdx !== null ? ['CFItemURI'] : []),
        ]),
        levels,
      });
    });
    rubrics.push({
      identifier,
      title: rubricTitle,
      description: str(f.description),
      caseFields: rest(f, ['identifier', 'title', 'description', 'CFRubricCriteria']),
      criteria,
    });
  });

  const docFields = rest(doc, [
    'identifier',
    'title',
    'creator',
    'description',
    'publisher',
    'language',
    'version',
    'adoptionStatus',
    'lastChangeDateTime',
    'caseVersion',
  ]);
  docFields.uri = docUri;
  if (Object.keys(definitions).length > 0) docFields.CFDefinitions = definitions;
  if (pkg.extensions !== undefined) docFields.packageExtensions = pkg.extensions;
  return {
    format: 'case',
    document: {
      identifier: docId,
      title,
      description: str(doc.description),
      creator,
      publisher: str(doc.publisher),
      language: str(doc.language),
      versionLabel: str(doc.version),
      adoptionStatus: str(doc.adoptionStatus),
      sourceChangedAt: new Date((doc.lastChangeDateTime as string | undefined) ?? now),
      caseFields: docFields,
    },
    itemTypes,
    items,
    associations,
    rubrics,
    hierarchyLinks,
    definitionCount,
    messages,
  };
}
