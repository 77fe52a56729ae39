import { Anchor, Divider, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAFF_TEMPLATE_CSV, STAFF_TEMPLATE_XLSX } from '../../api/roster.ts';
import { useMe } from '../../api/session.ts';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ImportSteps } from './ImportSteps.tsx';
import { PastImports } from './PastImports.tsx';
import { UploadForm } from './UploadForm.tsx';

/** Import wizard, step 1 (choose files and upload), with the templates and past imports. */
export default function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.abilities.importRoster) return <NotAllowed />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <ImportSteps current="choose" />
      <UploadForm />
      <Stack gap={4}>
        <Text fw={600}>{t('import.templatesTitle')}</Text>
        <Text size="sm">{t('import.templatesHelp')}</Text>
        <Group>
          <Anchor href={STAFF_TEMPLATE_CSV} download>
            {t('import.templateCsv')}
          </Anchor>
          <Anchor href={STAFF_TEMPLATE_XLSX} download>
            {t('import.templateXlsx')}
          </Anchor>
        </Group>
      </Stack>
      <Divider />
      <PastImports />
    </Stack>
  );
}
