import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useUpdateVersion, type FrameworkVersion } from '../../api/frameworks.ts';
import { useScales } from '../../api/scales.ts';
import { formatDate } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { FrameworkError } from './shared.tsx';

/** Edits a draft's title, description, version label and scale (409: someone else saved first). */
function EditVersionModal({ version, onClose }: { version: FrameworkVersion; onClose: () => void }) {
  const { t } = useTranslation('frameworks');
  const update = useUpdateVersion(version.id);
  const scales = useScales();
  const [title, setTitle] = useState(version.title);
  const [description, setDescription] = useState(version.description ?? '');
  const [versionLabel, setVersionLabel] = useState(version.versionLabel ?? '');
  const [scaleId, setScaleId] = useState(version.scaleId ?? '');
  const [base, setBase] = useState(version.version);
  const [titleError, setTitleError] = useState<string | null>(null);
  const current = isApiError(update.error, 'conflict')
    ? ((update.error.details as { current?: FrameworkVersion } | null)?.current ?? null)
    : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setTitleError(t('validation.required'));
    setTitleError(null);
    update.mutate(
      {
        version: base,
        title: title.trim(),
        description: description.trim() || null,
        versionLabel: versionLabel.trim() || null,
        scaleId: scaleId || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t('details.saved'));
          onClose();
        },
      },
    );
  };
  const loadCurrent = () => {
    if (!current) return;
    setTitle(current.title);
    setDescription(current.description ?? '');
    setVersionLabel(current.versionLabel ?? '');
    setScaleId(current.scaleId ?? '');
    setBase(current.version);
    update.reset();
  };
  const scaleOptions = (scales.data?.items ?? []).filter((s) => s.active || s.id === scaleId).map((s) => ({ value: s.id, label: s.name }));

  return (
    <AppModal opened onClose={onClose} title={t('details.editTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {current ? (
            <Alert color="orange" role="alert" title={t('conflict.title')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('details.conflict', { title: current.title })}</Text>
                <Button size="xs" variant="default" onClick={loadCurrent}>
                  {t('conflict.loadCurrent')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <FrameworkError error={update.error} />
          )}
          <TextInput label={t('field.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={titleError} />
          <Textarea
            label={t('field.description')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <TextInput
            label={t('field.versionLabel')}
            description={t('details.versionLabelHelp')}
            value={versionLabel}
            onChange={(e) => setVersionLabel(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('field.scale')}
            value={scaleId}
            onChange={(e) => setScaleId(e.currentTarget.value)}
            data={[{ value: '', label: t('list.defaultScale') }, ...scaleOptions]}
          />
          <FormModalFooter onCancel={onClose} saving={update.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** What a version is: description, label, scale, creator, dates; editors of a draft change them. */
export function VersionDetails({ version }: { version: FrameworkVersion }) {
  const { t } = useTranslation('frameworks');
  const scales = useScales();
  const [editing, setEditing] = useState(false);
  const scale = scales.data?.items.find((s) => s.id === version.scaleId);
  const rows: [string, string][] = [
    [t('field.description'), version.description || t('common.none')],
    [t('field.versionLabel'), version.versionLabel || t('common.none')],
    [t('field.scale'), scale?.name ?? t('common.none')],
    [t('field.creator'), version.creator],
  ];
  if (version.publishedAt) rows.push([t('framework.published'), formatDate(version.publishedAt)]);
  return (
    <Stack gap="sm">
      <DetailList rows={rows} />
      {version.abilities.edit ? (
        <Group>
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            {t('details.edit')}
          </Button>
        </Group>
      ) : null}
      {editing ? <EditVersionModal version={version} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}
