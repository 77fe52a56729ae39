import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PerformancePlan } from '../../../common/schemas/performance-plans.ts';
import { usePlanWrite } from '../../api/performance-plans.ts';
import { formatDateTime } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

type Dialog = 'sign' | 'return' | 'reopen' | null;

/** A dialog asking for one line of text (typed name, note, reason) before the step. */
function TextDialog({
  title,
  label,
  hint,
  multiline,
  confirm,
  onConfirm,
  onClose,
}: {
  title: string;
  label: string;
  hint?: string;
  multiline?: boolean;
  confirm: string;
  onConfirm: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation('performance');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      document.getElementById('plan-dialog-text')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(text.trim());
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const props = {
    id: 'plan-dialog-text',
    label,
    description: hint,
    required: true,
    value: text,
    'data-autofocus': true,
    error: missing ? t('plan.required') : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      setText(e.currentTarget.value);
      setMissing(false);
    },
  };
  return (
    <AppModal opened onClose={onClose} title={title}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {multiline ? (
            <Textarea {...props} autosize minRows={3} maxLength={5000} />
          ) : (
            <TextInput {...props} maxLength={300} autoComplete="name" />
          )}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('plan.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Signatures so far, and the steps the reader may take: submit, return, approve, sign, reopen. */
export function PlanActions({ plan }: { plan: PerformancePlan }) {
  const { t } = useTranslation('performance');
  const write = usePlanWrite(plan.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const can = plan.abilities;
  const step = async (path: string, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await write('POST', path);
      notifySuccess(done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="signoff-heading">
      <Title order={2} size="h3" id="signoff-heading">
        {t('plan.signoff.heading')}
      </Title>
      <Paper withBorder p="sm" radius="sm">
        <Stack gap={4}>
          {plan.template.signatureBlocks.map((b) => {
            const s = plan.signatures.find((x) => x.signer === b.signer);
            return (
              <Text size="sm" key={b.signer}>
                <Text span fw={600}>
                  {b.label}:
                </Text>{' '}
                {s ? t('plan.signoff.signedBy', { name: s.typedName, at: formatDateTime(s.signedAt) }) : t('plan.signoff.notSigned')}
              </Text>
            );
          })}
        </Stack>
      </Paper>
      <ErrorAlert error={error} />
      <Group gap="sm">
        {can.submit ? (
          <Button loading={busy} onClick={() => void step('/submit', t('plan.signoff.submitted'))}>
            {t('plan.signoff.submit')}
          </Button>
        ) : null}
        {can.approve ? (
          <Button loading={busy} onClick={() => void step('/approve', t('plan.signoff.approved'))}>
            {t('plan.signoff.approve')}
          </Button>
        ) : null}
        {can.returnToPerson ? (
          <Button variant="default" onClick={() => setDialog('return')}>
            {t('plan.signoff.return')}
          </Button>
        ) : null}
        {can.sign ? <Button onClick={() => setDialog('sign')}>{t('plan.signoff.sign')}</Button> : null}
        {can.reopen ? (
          <Button variant="default" color="orange" onClick={() => setDialog('reopen')}>
            {t('plan.signoff.reopen')}
          </Button>
        ) : null}
      </Group>
      {dialog === 'sign' ? (
        <TextDialog
          title={t('plan.signoff.signTitle')}
          label={t('plan.signoff.typedName')}
          hint={t('plan.signoff.typedNameHint')}
          confirm={t('plan.signoff.sign')}
          onConfirm={(typedName) => write('POST', '/sign', { typedName })}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'return' ? (
        <TextDialog
          title={t('plan.signoff.returnTitle')}
          label={t('plan.signoff.note')}
          multiline
          confirm={t('plan.signoff.return')}
          onConfirm={(note) => write('POST', '/return', { note })}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'reopen' ? (
        <TextDialog
          title={t('plan.signoff.reopenTitle')}
          label={t('plan.signoff.reason')}
          hint={t('plan.signoff.reopenHint')}
          multiline
          confirm={t('plan.signoff.reopen')}
          onConfirm={(reason) => write('POST', '/reopen', { reason })}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Stack>
  );
}
