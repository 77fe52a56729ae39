import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMakeDefaultScale, useScales, type Scale } from '../../api/scales.ts';
import { useMe } from '../../api/session.ts';
import { formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FrameworkError } from '../frameworks/shared.tsx';
import { ScaleModal } from './ScaleModal.tsx';

/** One scale: its levels highest first, which count as proficient, and edit / make default. */
function ScaleCard({ scale, onEdit }: { scale: Scale; onEdit: () => void }) {
  const { t } = useTranslation('frameworks');
  const isPhone = useIsPhone();
  const makeDefault = useMakeDefaultScale();
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} size="h4">
                {scale.name}
              </Title>
              {scale.isDefault ? (
                <Badge variant="light" color="green">
                  {t('scales.default')}
                </Badge>
              ) : null}
              {scale.inUse ? (
                <Badge variant="light" color="blue">
                  {t('scales.inUse')}
                </Badge>
              ) : null}
              {scale.active ? null : (
                <Badge variant="light" color="gray">
                  {t('common.inactive')}
                </Badge>
              )}
            </Group>
            {scale.description ? <Text size="sm">{scale.description}</Text> : null}
          </Stack>
          {scale.abilities.update ? (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={onEdit} aria-label={t('scales.editNamed', { name: scale.name })}>
                {t('common.edit')}
              </Button>
              {scale.isDefault ? null : (
                <Button
                  size="xs"
                  variant="default"
                  loading={makeDefault.isPending}
                  onClick={() =>
                    makeDefault.mutate(
                      { id: scale.id, version: scale.version },
                      { onSuccess: () => notifySuccess(t('scales.madeDefault', { name: scale.name })) },
                    )
                  }
                  aria-label={t('scales.makeDefaultNamed', { name: scale.name })}
                >
                  {t('scales.makeDefault')}
                </Button>
              )}
            </Group>
          ) : null}
        </Group>
        <FrameworkError error={makeDefault.error} />
        {isPhone ? (
          <Stack
            component="ol"
            gap={6}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('scales.levelsOf', { name: scale.name })}
          >
            {scale.levels.map((level) => (
              <li key={level.id}>
                <Group gap="xs">
                  <Text fw={600}>{level.label}</Text>
                  <Text size="sm">{t('scales.scoreValue', { score: formatNumber(level.levelScore) })}</Text>
                  {level.proficient ? (
                    <Badge size="sm" variant="light" color="green">
                      {t('scales.proficient')}
                    </Badge>
                  ) : null}
                </Group>
                {level.description ? <Text size="sm">{level.description}</Text> : null}
              </li>
            ))}
          </Stack>
        ) : (
          <Table verticalSpacing={4}>
            <Table.Caption>{t('scales.levelsOf', { name: scale.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('scales.level')}</Table.Th>
                <Table.Th scope="col">{t('scales.score')}</Table.Th>
                <Table.Th scope="col">{t('scales.proficient')}</Table.Th>
                <Table.Th scope="col">{t('field.description')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scale.levels.map((level) => (
                <Table.Tr key={level.id}>
                  <Table.Th scope="row">{level.label}</Table.Th>
                  <Table.Td>{formatNumber(level.levelScore)}</Table.Td>
                  <Table.Td>{level.proficient ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td>{level.description ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** The district's performance scales; editors create them, edit them and choose the default. */
export default function ScalesPage() {
  const { t } = useTranslation('frameworks');
  const me = useMe();
  const scales = useScales();
  const [editing, setEditing] = useState<Scale | 'new' | null>(null);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/frameworks" size="sm">
        {t('framework.back')}
      </Anchor>
      <PageHeader
        title={t('scales.title')}
        subtitle={t('scales.subtitle')}
        actions={me.abilities.manageFrameworks ? <Button onClick={() => setEditing('new')}>{t('scales.new')}</Button> : null}
      />
      <ErrorAlert error={scales.error} />
      {scales.isPending ? <Loading /> : null}
      <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('scales.title')}>
        {(scales.data?.items ?? []).map((scale) => (
          <ScaleCard key={scale.id} scale={scale} onEdit={() => setEditing(scale)} />
        ))}
      </Stack>
      {editing ? <ScaleModal scale={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
