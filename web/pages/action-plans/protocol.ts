import type { ActionSourceKind } from '../../../common/action-plans.ts';

/** The protocol form's values and how they map to the API's steps and input (pure, tested in protocol.test.ts). */

export interface ProtocolValues {
  problem: string;
  sourceKind: ActionSourceKind;
  sourceId: string | null;
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
  ['problem', 'source.id'],
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
  source: { kind: v.sourceKind, id: v.sourceKind === 'manual' ? null : v.sourceId },
  rootCauses: v.rootCauses.map((c) => c.trim()).filter(Boolean),
  strategy: v.strategy,
  ownerId: v.ownerId,
  dueOn: v.dueOn,
  measure: v.measure,
  reviewOn: v.reviewOn,
  actionItemId: v.actionItemId,
});
