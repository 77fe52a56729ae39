import { Anchor, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExistingFramework } from '../../../common/schemas/case.ts';
import type { ExistingChoice } from '../../api/case.ts';
import { formatNumber } from '../../app/format.ts';

/**
 * When a package's document is already a framework of the district (a revised release from the
 * same source): import it as that framework's next version (a draft), or as a separate framework.
 * The next version is not offered while the framework has a draft, and says why.
 */
export function ExistingFrameworkChoice({
  existing,
  value,
  onChange,
}: {
  existing: ExistingFramework;
  value: ExistingChoice | null;
  onChange: (value: ExistingChoice) => void;
}) {
  const { t } = useTranslation('case');
  const blocked = existing.draftVersionId !== null;
  const title = existing.title;
  return (
    <Radio.Group
      label={t('import.existing.legend')}
      description={t('import.existing.found', {
        title,
        version: formatNumber(existing.versionNumber),
        status: t(`frameworks:status.${existing.status}`),
      })}
      value={value}
      onChange={(v) => onChange(v as ExistingChoice)}
    >
      <Stack gap="sm" mt="sm">
        <Radio
          value="new_version"
          disabled={blocked}
          label={t('import.existing.newVersion', { title, version: formatNumber(existing.nextVersionNumber) })}
          description={
            blocked ? (
              <Text component="span" size="xs" c="red.8">
                {t('import.existing.newVersionBlocked', { version: formatNumber(existing.versionNumber) })}{' '}
                <Anchor component={Link} to={`/frameworks/versions/${existing.draftVersionId}`} size="xs">
                  {t('import.existing.openDraft')}
                </Anchor>
              </Text>
            ) : (
              t('import.existing.newVersionHelp')
            )
          }
        />
        <Radio value="new_framework" label={t('import.existing.newFramework')} description={t('import.existing.newFrameworkHelp')} />
      </Stack>
    </Radio.Group>
  );
}
