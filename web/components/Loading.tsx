import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce as "Loading…". */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center role="status" py="xl">
      <Loader aria-hidden="true" size="md" />
      <VisuallyHidden>{label ?? t('common.loading')}</VisuallyHidden>
    </Center>
  );
}
