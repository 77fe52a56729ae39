import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { PLACEMENT_REFUSALS, type PlacementRefusal } from '../../../common/schemas/placements.ts';

/** Why the server refused a placement, in the reader's language; null for other errors. */
export function refusalText(t: TFunction, error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_state') return null;
  const reason = (error.details as { reason?: string } | null)?.reason;
  return reason && (PLACEMENT_REFUSALS as readonly string[]).includes(reason) ? t(`placement.refusal.${reason as PlacementRefusal}`) : null;
}
