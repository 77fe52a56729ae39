import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The Cancel and Save buttons at the foot of a modal form, in that order, right-aligned. The
 * submit button submits the enclosing form unless `onSubmit` is given (for a modal with no form),
 * and shows `saving` as its loading state. Labels default to the app's `common.cancel` and
 * `common.save`.
 */
export function FormModalFooter({
  onCancel,
  saving,
  submitLabel,
  onSubmit,
}: {
  onCancel: () => void;
  saving: boolean;
  submitLabel?: string;
  onSubmit?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type={onSubmit ? 'button' : 'submit'} loading={saving} onClick={onSubmit}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
