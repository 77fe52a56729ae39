import { List, Progress, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordStrength } from '../../common/password-rules.ts';
import { ApiError } from '../api/client.ts';

const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;

/** The strength of `password`, checked in the browser a moment after typing stops (the checker loads on first use). */
function useStrength(password: string, personal: string[]): PasswordStrength | null {
  const [checked, setChecked] = useState<{ password: string; strength: PasswordStrength } | null>(null);
  const personalKey = personal.join('\n');
  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      // The word list loads only on the pages where a password is chosen (password-meter.ts).
      void import('./password-meter.ts').then(({ meterStrength }) => {
        if (!cancelled) setChecked({ password, strength: meterStrength(password, personalKey ? personalKey.split('\n') : []) });
      });
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, personalKey]);
  return password && checked?.password === password ? checked.strength : null;
}

/**
 * A meter under a new-password field: how strong the password is, what makes it weak and how to
 * improve it, in the reader's language and announced politely to screen readers. The server
 * applies the rule with more word lists (and the person's name and e-mail) when the password is
 * saved, and its refusal shows on the field (`weakPasswordMessage`).
 */
export function PasswordStrengthMeter({ password, personal = [] }: { password: string; personal?: string[] }) {
  const { t } = useTranslation('password');
  const strength = useStrength(password, personal);
  return (
    <Stack gap={4} aria-live="polite" mih={password ? 24 : 0}>
      {strength ? (
        <>
          <Progress value={(strength.score + 1) * 20} color={COLORS[strength.score]} size="sm" aria-label={t('strength.label')} />
          <Text size="sm" c={strength.ok ? 'teal.9' : 'red.9'}>
            {t('strength.label')}: {t(`strength.score.${strength.score}`)}
          </Text>
          {strength.ok ? null : <FeedbackText t={t} warning={strength.warning} suggestions={strength.suggestions} />}
        </>
      ) : null}
    </Stack>
  );
}

function FeedbackText({ t, warning, suggestions }: { t: TFunction; warning: string | null; suggestions: string[] }) {
  return (
    <>
      {warning ? <Text size="sm">{t(`warning.${warning}`, { defaultValue: '' })}</Text> : null}
      {suggestions.length > 0 ? (
        <List size="sm" spacing={2}>
          {suggestions.map((s) => (
            <List.Item key={s}>{t(`suggestion.${s}`, { defaultValue: '' })}</List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}

/**
 * The field message for a password the server refused as weak (`details: [{ path, message: 'weak',
 * feedback }]`), with its reason, or null when the error is not that.
 */
export function weakPasswordMessage(t: TFunction, error: unknown, path: string): string | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed' || !Array.isArray(error.details)) return null;
  const detail = (error.details as { path?: string; message?: string; feedback?: { warning?: string | null } }[]).find(
    (d) => d.path === path && d.message === 'weak',
  );
  if (!detail) return null;
  const warning = detail.feedback?.warning ? t(`password:warning.${detail.feedback.warning}`, { defaultValue: '' }) : '';
  return [t('password:strength.tooWeak'), warning].filter(Boolean).join(' ');
}
