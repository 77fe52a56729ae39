import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind } from '../observation.ts';
import { Locale } from './auth.ts';

/** How a kind of notification reaches a person by e-mail: at once, in the daily digest, or not at all. */
export const EMAIL_DELIVERIES = ['immediately', 'digest', 'off'] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];

/**
 * Each kind's delivery until the person chooses: something that happened to you (published,
 * scheduled, assigned...) comes at once; reminders of what is due or overdue come in the digest.
 */
export const DEFAULT_DELIVERIES: Record<NotificationKind, EmailDelivery> = {
  observation_published: 'immediately',
  observation_revised: 'immediately',
  observation_acknowledged: 'immediately',
  observation_reply: 'immediately',
  action_step_assigned: 'immediately',
  coaching_log_shared: 'immediately',
  coaching_session_scheduled: 'immediately',
  feedback_due: 'digest',
  feedback_overdue: 'digest',
  action_step_due: 'digest',
  coaching_review_due: 'digest',
  coaching_review_overdue: 'digest',
  check_in_due: 'digest',
  check_in_overdue: 'digest',
  concern_documented: 'immediately',
  improvement_plan_activated: 'immediately',
  barrier_raised: 'digest',
  barrier_answered: 'immediately',
};

const Deliveries = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.enum(EMAIL_DELIVERIES)])) as Record<
    NotificationKind,
    z.ZodEnum<{ [K in EmailDelivery]: K }>
  >,
);

export const NotificationPreferences = z.object({
  deliveries: Deliveries,
  /** 0 until the person first saves. */
  version: z.number().int(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdateNotificationPreferencesInput = z.object({
  deliveries: Deliveries,
  version: z.number().int().min(0),
});
export type UpdateNotificationPreferencesInput = z.infer<typeof UpdateNotificationPreferencesInput>;

/** The List-Unsubscribe URL carries the token in its query. */
export const UnsubscribeQuery = z.object({ token: z.string().max(500).optional() });
/** The web page posts `{ token }`; a mail client posts the form `List-Unsubscribe=One-Click` (RFC 8058). */
export const UnsubscribeBody = z
  .object({ token: z.string().max(500).optional(), 'List-Unsubscribe': z.literal('One-Click').optional() })
  .optional();

/** What the link turned off: one kind, or `digest` (every kind that came in the daily digest). */
export const UnsubscribeResult = z.object({ kind: z.enum([...NOTIFICATION_KINDS, 'digest']), delivery: z.literal('off') });
export type UnsubscribeResult = z.infer<typeof UnsubscribeResult>;

/**
 * The district's notification settings: the hour (district time) from which each school day's
 * reminders and digest go out, and the e-mail language of people who have not chosen one.
 */
export const NotificationSettings = z.object({
  digestHour: z.number().int().min(0).max(23),
  defaultLocale: Locale,
  /** The district settings row's version (shared with the non-negotiables). */
  version: z.number().int(),
  abilities: z.object({ update: z.boolean() }),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const UpdateNotificationSettingsInput = z.object({
  digestHour: z.number().int().min(0).max(23),
  defaultLocale: Locale,
  version: z.number().int().min(0),
});
export type UpdateNotificationSettingsInput = z.infer<typeof UpdateNotificationSettingsInput>;
