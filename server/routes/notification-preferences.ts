/**
 * Permission matrix: my preferences -> 401 signed out; each person reads and changes only their
 * own (no id in the URL, so no other district or role applies). Unsubscribe is public: the signed
 * token is the permission, and it only ever turns one kind (or the digest) off. The district's
 * notification settings (digest hour, default language): signed out -> 401; everyone in the
 * district reads their own district's; only district admins change them, others 403.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  NotificationPreferences,
  NotificationSettings,
  UpdateNotificationSettingsInput,
  UnsubscribeBody,
  UnsubscribeQuery,
  UnsubscribeResult,
  UpdateNotificationPreferencesInput,
} from '../../common/schemas/notification-preferences.ts';
import { requireCtx } from '../lib/http.ts';
import { routesNeed } from '../lib/route-auth.ts';
import { secretKey } from '../lib/secret-key.ts';
import { notificationSettingsView, updateNotificationSettings } from '../services/settings/notification-settings.ts';
import { myNotificationPreferences, unsubscribe, updateMyNotificationPreferences } from '../services/notifications/preferences.ts';

const tags = ['notifications'];

export const notificationPreferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  // RFC 8058: a mail client's one-click unsubscribe posts `List-Unsubscribe=One-Click` as a form.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  app.get('/me/notification-preferences', { schema: { tags, response: { 200: NotificationPreferences } } }, async (req) =>
    myNotificationPreferences(await requireCtx(req)),
  );

  app.put(
    '/me/notification-preferences',
    { schema: { tags, body: UpdateNotificationPreferencesInput, response: { 200: NotificationPreferences } } },
    async (req) => updateMyNotificationPreferences(await requireCtx(req), req.body),
  );

  app.get('/settings/notifications', { schema: { tags, response: { 200: NotificationSettings } } }, async (req) =>
    notificationSettingsView(await requireCtx(req)),
  );

  app.put(
    '/settings/notifications',
    { schema: { tags, body: UpdateNotificationSettingsInput, response: { 200: NotificationSettings } } },
    async (req) => updateNotificationSettings(await requireCtx(req), req.body),
  );

  // The token comes in the query (the List-Unsubscribe URL) or in a JSON body (the web page's button).
  app.post(
    '/notifications/unsubscribe',
    {
      config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, querystring: UnsubscribeQuery, body: UnsubscribeBody, response: { 200: UnsubscribeResult } },
    },
    async (req) => {
      // No token at all is refused like a wrong one (400).
      const token = req.query.token ?? req.body?.token ?? '';
      return unsubscribe(req.server.database, secretKey(req.server.env, 'notification-unsubscribe'), token, req.id);
    },
  );
};
