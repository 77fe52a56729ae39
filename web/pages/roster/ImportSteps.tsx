import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const IMPORT_STEPS = ['choose', 'review', 'apply', 'result'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** The wizard's steps as an ordered list; the current one carries aria-current="step". */
export function ImportSteps({ current }: { current: ImportStep }) {
  const { t } = useTranslation();
  const currentIndex = IMPORT_STEPS.indexOf(current);
  return (
    <Group component="ol" aria-label={t('import.steps.label')} gap="lg" mb="lg" p={0} m={0} style={{ listStyle: 'none' }}>
      {IMPORT_STEPS.map((step, index) => {
        const done = index < currentIndex;
        const active = index === currentIndex;
        return (
          <Group component="li" key={step} gap={6} aria-current={active ? 'step' : undefined} wrap="nowrap">
            <Box
              aria-hidden="true"
              w={28}
              h={28}
              style={{
                borderRadius: '50%',
                display: 'grid',
                placeItems: 'center',
                fontWeight: 700,
                border: '2px solid var(--mantine-color-blue-8)',
                background: active || done ? 'var(--mantine-color-blue-8)' : 'var(--mantine-color-white)',
                color: active || done ? 'var(--mantine-color-white)' : 'var(--mantine-color-blue-9)',
              }}
            >
              {done ? '✓' : index + 1}
            </Box>
            <Text fw={active ? 700 : 400}>
              {t(`import.steps.${step}`)}
              {done ? <VisuallyHidden> ({t('import.steps.done')})</VisuallyHidden> : null}
            </Text>
          </Group>
        );
      })}
    </Group>
  );
}
