import type { CaseLink, ItemTypeDef } from '../../db/schema/frameworks.ts';
import type { ImportFormat } from '../../../common/schemas/case.ts';
import type { Messages } from './messages.ts';

/**
 * A framework read from a file (CASE JSON or a spreadsheet), ready to be written as a new
 * framework version. References between rows are indexes into `items`, resolved to ids on write.
 */
export interface ParsedFramework {
  format: ImportFormat;
  document: {
    identifier: string;
    title: string;
    description: string | null;
    creator: string;
    publisher: string | null;
    language: string | null;
    versionLabel: string | null;
    adoptionStatus: string | null;
    sourceChangedAt: Date | null;
    caseFields: Record<string, unknown>;
  };
  itemTypes: ItemTypeDef[];
  /** In tree order is not required: `parentIndex` and `position` define the tree. */
  items: ParsedItem[];
  associations: ParsedAssociation[];
  rubrics: ParsedRubric[];
  /** isChildOf associations absorbed into the tree. */
  hierarchyLinks: number;
  /** Entries of CFDefinitions other than item types (concepts, subjects, licenses, groupings). */
  definitionCount: number;
  messages: Messages;
}

export interface ParsedItem {
  identifier: string;
  parentIndex: number | null;
  position: number;
  parentAssociationIdentifier: string | null;
  itemType: string | null;
  humanCode: string | null;
  fullStatement: string;
  abbreviatedStatement: string | null;
  alternativeLabel: string | null;
  notes: string | null;
  language: string | null;
  listEnumeration: string | null;
  educationLevel: string[] | null;
  conceptKeywords: string[] | null;
  caseFields: Record<string, unknown>;
  sourceChangedAt: Date | null;
}

export interface ParsedAssociation {
  identifier: string;
  associationType: string;
  originIndex: number | null;
  destinationIndex: number | null;
  originNode: CaseLink;
  destinationNode: CaseLink;
  sequenceNumber: number | null;
  notes: string | null;
  caseFields: Record<string, unknown>;
}

export interface ParsedRubric {
  identifier: string;
  title: string;
  description: string | null;
  caseFields: Record<string, unknown>;
  criteria: ParsedCriterion[];
}

export interface ParsedCriterion {
  identifier: string;
  itemIndex: number | null;
  position: number;
  category: string | null;
  description: string | null;
  weight: number | null;
  caseFields: Record<string, unknown>;
  levels: ParsedLevel[];
}

export interface ParsedLevel {
  identifier: string;
  position: number;
  quality: string | null;
  levelScore: number | null;
  description: string;
  feedback: string | null;
  caseFields: Record<string, unknown>;
}
