import { isDataSourceKind, SOURCE_REF_FIELD_NAMES, type ActionSourceKind, type SourceRefField } from '../../../common/action-plans.ts';

/** The protocol form's values and how they map to the API's steps and input (pure, tested in protocol.test.ts). */

export interface ProtocolValues {
  problem: string;
  sourceKind: ActionSourceKind;
  sourceId: string | null;
  /** The other ids a data source names (an assessment item's administration; an outcome value's school and period). */
  sourceRef: Partial<Record<SourceRefField, string>>;
  rootCauses: string[];
  strategy: string;
  ownerId: string | null;
  dueOn: string;
  measure: string;
  reviewOn: string;
  actionItemId: string | null;
}

/** The fields each protocol step asks for (error keys as the API names them). */
export const STEP_FIELDS: string[][] = [
  ['problem', 'source'],
  ['rootCauses'],
  ['strategy'],
  ['ownerId', 'dueOn', 'measure'],
  ['reviewOn', 'actionItemId'],
];
export const stepOf = (key: string) => {
  const i = STEP_FIELDS.findIndex((fields) => fields.some((f) => key === f || key.startsWith(`${f}.`)));
  return i < 0 ? 0 : i;
};

export const toInput = (v: ProtocolValues) => ({
  problem: v.problem,
  source: {
    kind: v.sourceKind,
    id: v.sourceKind === 'manual' ? null : v.sourceId,
    ...(isDataSourceKind(v.sourceKind) ? v.sourceRef : {}),
  },
  rootCauses: v.rootCauses.map((c) => c.trim()).filter(Boolean),
  strategy: v.strategy,
  ownerId: v.ownerId,
  dueOn: v.dueOn,
  measure: v.measure,
  reviewOn: v.reviewOn,
  actionItemId: v.actionItemId,
});

/** The ids besides `id` a source names, as the form keeps them. */
export const refOf = (source: Partial<Record<SourceRefField, string | null>>): ProtocolValues['sourceRef'] =>
  Object.fromEntries(SOURCE_REF_FIELD_NAMES.filter((name) => source[name]).map((name) => [name, source[name]!]));
