import { uuidV5 } from './fields.ts';

/**
 * A generated CASE 1.1 CFPackage that uses every part of the format (document fields, item types,
 * concepts, subjects, licenses, association groupings, items with every field, isChildOf with
 * sequence numbers, other association types, rubrics with criteria and levels, extensions).
 * Used by the tests (it validates against the official schema) and by `npm run bench`.
 */
export function samplePackage(opts: { items?: number; rubrics?: number; criteriaPerRubric?: number; seed?: string } = {}) {
  const itemCount = opts.items ?? 12;
  const rubricCount = opts.rubrics ?? 2;
  const criteriaPerRubric = opts.criteriaPerRubric ?? 3;
  const seed = opts.seed ?? 'sample';
  const id = (name: string) => uuidV5(`${seed}:${name}`);
  const base = 'https://case.example.org/ims/case/v1p1';
  const when = '2025-08-01T12:00:00.000Z';
  const docId = id('doc');
  const docLink = { title: 'Sample Teaching Framework', identifier: docId, uri: `${base}/CFDocuments/${docId}` };
  const types = ['Domain', 'Competency', 'Indicator'].map((title, i) => ({
    identifier: id(`type:${title}`), uri: `${base}/CFItemTypes/${id(`type:${title}`)}`, title, description: `${title} level`,
    hierarchyCode: String(i + 1), typeCode: title.toLowerCase(), lastChangeDateTime: when,
  }));
  const license = { identifier: id('license'), uri: `${base}/CFLicenses/${id('license')}`, title: 'CC BY 4.0', licenseText: 'Attribution 4.0', lastChangeDateTime: when };
  const subject = { identifier: id('subject'), uri: `${base}/CFSubjects/${id('subject')}`, title: 'Teaching', hierarchyCode: '1', lastChangeDateTime: when };
  const concept = { identifier: id('concept'), uri: `${base}/CFConcepts/${id('concept')}`, title: 'Planning', keywords: 'plan,prepare', hierarchyCode: '1', lastChangeDateTime: when };
  const grouping = { identifier: id('grouping'), uri: `${base}/CFAssociationGroupings/${id('grouping')}`, title: 'Related practice', description: 'Links between practices', lastChangeDateTime: when };
  const link = (o: { identifier: string; uri: string; title: string }) => ({ title: o.title, identifier: o.identifier, uri: o.uri });

  // A tree: ~1/20 domains, ~1/4 competencies, the rest indicators, spread evenly.
  const domains = Math.max(1, Math.round(itemCount / 20));
  const competencies = Math.max(domains, Math.round(itemCount / 4));
  const items: Record<string, unknown>[] = [];
  const hierarchy: Record<string, unknown>[] = [];
  const childCount = new Map<string, number>();
  for (let i = 0; i < itemCount; i++) {
    const level = i < domains ? 0 : i < domains + competencies ? 1 : 2;
    const parentIndex = level === 0 ? null : level === 1 ? (i - domains) % domains : domains + ((i - domains - competencies) % competencies);
    const identifier = id(`item:${i}`);
    const code = level === 0 ? `D${i + 1}` : level === 1 ? `D${parentIndex! + 1}.C${i}` : `C${parentIndex}.I${i}`;
    const type = types[level]!;
    const item: Record<string, unknown> = {
      identifier, uri: `${base}/CFItems/${identifier}`, fullStatement: `Statement ${i}: the educator ${['plans', 'teaches', 'reflects', 'collaborates'][i % 4]} with purpose (${code}).`,
      CFItemType: type.title, CFItemTypeURI: link(type), humanCodingScheme: code, lastChangeDateTime: when, language: 'en',
    };
    if (i % 3 === 0) Object.assign(item, { abbreviatedStatement: `Short ${i}`, alternativeLabel: `Alt ${i}`, notes: `Notes ${i}`, listEnumeration: String(i + 1) });
    if (i % 5 === 0) Object.assign(item, { educationLevel: ['09', '10'], conceptKeywords: ['planning'], conceptKeywordsURI: link(concept), subject: ['Teaching'], subjectURI: [link(subject)], licenseURI: link(license), statusStartDate: '2025-08-01', statusEndDate: '2030-06-30', extensions: { 'ext:source': 'sample' } });
    items.push(item);
    const parentKey = parentIndex === null ? 'doc' : String(parentIndex);
    const sequence = (childCount.get(parentKey) ?? 0) + 1;
    childCount.set(parentKey, sequence);
    const parentLink = parentIndex === null ? docLink : { title: String(items[parentIndex]!.humanCodingScheme), identifier: id(`item:${parentIndex}`), uri: `${base}/CFItems/${id(`item:${parentIndex}`)}` };
    hierarchy.push({
      identifier: id(`child:${i}`), uri: `${base}/CFAssociations/${id(`child:${i}`)}`, associationType: 'isChildOf', lastChangeDateTime: when,
      originNodeURI: { title: code, identifier, uri: `${base}/CFItems/${identifier}` }, destinationNodeURI: parentLink, sequenceNumber: sequence,
      ...(i % 7 === 0 ? { notes: `placed ${i}`, CFAssociationGroupingURI: link(grouping) } : {}),
    });
  }
  const node = (i: number) => ({ title: String(items[i]!.humanCodingScheme), identifier: id(`item:${i}`), uri: `${base}/CFItems/${id(`item:${i}`)}` });
  const others: Record<string, unknown>[] = [];
  for (let i = domains + 1; i < itemCount; i += 9) {
    others.push({ identifier: id(`rel:${i}`), uri: `${base}/CFAssociations/${id(`rel:${i}`)}`, associationType: 'isRelatedTo', lastChangeDateTime: when, originNodeURI: node(i), destinationNodeURI: node(i - 1), CFAssociationGroupingURI: link(grouping) });
  }
  others.push({
    identifier: id('external'), uri: `${base}/CFAssociations/${id('external')}`, associationType: 'exactMatchOf', lastChangeDateTime: when, originNodeURI: node(itemCount - 1),
    destinationNodeURI: { title: 'INTASC 1', identifier: 'intasc-1', uri: 'https://standards.example.org/intasc/1', targetType: 'ext:standard' }, sequenceNumber: 3, notes: 'outside',
  });
  others.push({ identifier: id('ext-type'), uri: `${base}/CFAssociations/${id('ext-type')}`, associationType: 'ext:buildsOn', lastChangeDateTime: when, originNodeURI: node(0), destinationNodeURI: docLink });

  const levels = [
    { quality: 'Exemplifying', score: 4 }, { quality: 'Demonstrating', score: 3 }, { quality: 'Developing', score: 2 }, { quality: 'Needs improvement', score: 1 },
  ];
  const rubrics = Array.from({ length: rubricCount }, (_, r) => {
    const rubricId = id(`rubric:${r}`);
    return {
      identifier: rubricId, uri: `${base}/CFRubrics/${rubricId}`, title: `Role rubric ${r + 1}`, description: `For role ${r + 1}`, lastChangeDateTime: when,
      CFRubricCriteria: Array.from({ length: criteriaPerRubric }, (_, c) => {
        const criterionId = id(`criterion:${r}:${c}`);
        const target = domains + ((r * criteriaPerRubric + c) % competencies);
        return {
          identifier: criterionId, uri: `${base}/CFRubricCriteria/${criterionId}`, category: `Category ${c % 3}`, description: `Criterion ${c}`,
          CFItemURI: node(target), weight: 1 + (c % 2) * 0.5, position: c + 1, rubricId, lastChangeDateTime: when,
          CFRubricCriterionLevels: levels.map((l, p) => {
            const levelId = id(`level:${r}:${c}:${p}`);
            return {
              identifier: levelId, uri: `${base}/CFRubricCriterionLevels/${levelId}`, description: `${l.quality} for role ${r + 1}, criterion ${c}: the educator ${['always', 'usually', 'sometimes', 'rarely'][p]} does this.`,
              quality: l.quality, score: l.score, feedback: p === 3 ? 'Plan support' : undefined, position: p + 1, rubricCriterionId: criterionId, lastChangeDateTime: when,
            };
          }),
        };
      }),
    };
  });
  return {
    CFDocument: {
      identifier: docId, uri: docLink.uri, frameworkType: 'Competency framework', caseVersion: '1.1', creator: 'Sample District', title: docLink.title,
      lastChangeDateTime: when, officialSourceURL: 'https://example.org/framework', publisher: 'Sample Publisher', description: 'A framework for tests',
      subject: ['Teaching'], subjectURI: [link(subject)], language: 'en', version: '2025-26', adoptionStatus: 'Adopted', statusStartDate: '2025-08-01',
      licenseURI: link(license), notes: 'Generated', extensions: { 'ext:district': 'sample' },
    },
    CFItems: items,
    CFAssociations: [...hierarchy, ...others],
    CFDefinitions: { CFConcepts: [concept], CFSubjects: [subject], CFLicenses: [license], CFItemTypes: types, CFAssociationGroupings: [grouping] },
    CFRubrics: rubrics,
  };
}
