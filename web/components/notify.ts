import { notifications } from '@mantine/notifications';
import i18n from '../app/i18n.ts';

/** A short "done" message in the corner; its close button is labelled in the reader's language. */
export function notifySuccess(message: string) {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
