import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';

const REASONS = ['last_provider', 'no_provider', 'sign_in_with_sso_first'];

/** What went wrong with a sign-in settings change: the server's reason when it gives one we explain, else the generic text. */
export function ssoErrorMessage(t: TFunction, error: unknown): string | null {
  if (!error) return null;
  const reason = isApiError(error) ? (error.details as { reason?: string } | null)?.reason : undefined;
  return reason && REASONS.includes(reason) ? t(`sso:errors.${reason}`) : errorMessage(t, error);
}
