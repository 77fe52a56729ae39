import { ActionIcon, Box, Indicator, Menu, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationItem } from '../../common/schemas/notifications.ts';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../api/notifications.ts';
import { formatDate, formatDateTime, formatNumber } from '../app/format.ts';

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** Dates in the params ("2026-11-20", "2026-11-20 09:30") read in the reader's locale; a coaching activity code named in it. */
function readableParams(params: NotificationItem['params'], t: (key: string) => string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === 'activity' && typeof value === 'string') out[key] = t(`coaching:activity.${value}`);
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[key] = formatDate(value);
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(value))
      out[key] = formatDateTime(value.replace(' ', 'T'));
    else out[key] = value;
  }
  return out;
}

/** Only paths inside the app are followed. */
function safePath(path: unknown): string {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

/**
 * The bell in the header: the unread count on a badge (and in its accessible name), and a menu of
 * my latest notifications; opening one marks it read and goes to its page.
 */
export function NotificationsBell() {
  const { t } = useTranslation('settings');
  const list = useNotifications(20);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  return (
    <Box ml="auto">
      <Menu
        position="bottom-end"
        withinPortal={false}
        width={340}
        withInitialFocusPlaceholder={false}
        styles={{ dropdown: { maxWidth: 'calc(100vw - 16px)' } }}
      >
        <Menu.Target>
          <ActionIcon variant="subtle" size="lg" aria-label={t('notifications.bell', { count: unread, formatted: formatNumber(unread) })}>
            <Indicator disabled={unread === 0} label={unread > 99 ? '99+' : formatNumber(unread)} size={16} offset={2} color="red.9" inline>
              <BellIcon />
            </Indicator>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('notifications.title')}</Menu.Label>
          <Menu.Divider />
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" py="xs">
              {list.isPending ? t('common.loading') : t('notifications.empty')}
            </Text>
          ) : (
            <Box mah={400} style={{ overflowY: 'auto' }}>
              {items.map((n) => (
                <Menu.Item
                  key={n.id}
                  component={Link}
                  to={safePath(n.params.path)}
                  onClick={() => {
                    if (!n.readAt) markRead.mutate(n.id);
                  }}
                  leftSection={
                    <Box w={8} h={8} style={{ borderRadius: 4, background: n.readAt ? 'transparent' : 'var(--mantine-color-blue-7)' }} />
                  }
                >
                  {n.readAt ? null : <VisuallyHidden>{t('notifications.unread')} </VisuallyHidden>}
                  <Text size="sm" fw={n.readAt ? 400 : 600} style={{ whiteSpace: 'normal' }}>
                    {t(`notifications.${n.kind}`, readableParams(n.params, t))}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </Menu.Item>
              ))}
            </Box>
          )}
          {unread > 0 ? (
            <>
              <Menu.Divider />
              <Menu.Item closeMenuOnClick={false} disabled={markAll.isPending} onClick={() => markAll.mutate()} fw={600} c="blue.8">
                {t('notifications.markAllRead')}
              </Menu.Item>
            </>
          ) : null}
          {list.data && list.data.total > items.length ? (
            <Text size="xs" c="dimmed" px="sm" py={6}>
              {t('notifications.more', { count: list.data.total - items.length, formatted: formatNumber(list.data.total - items.length) })}
            </Text>
          ) : null}
        </Menu.Dropdown>
      </Menu>
    </Box>
  );
}
