import { Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INITIATIVE_LIMITS } from '../../../common/implementation.ts';
import { FundingInput } from '../../../common/schemas/initiatives.ts';
import { useDeleteFunding, useSaveFunding, type FundingRow, type Initiative } from '../../api/initiatives.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

const WARNING_COLOR = { past: 'red', soon: 'orange' } as const;

interface Values {
  source: string;
  amountUsd: number | string;
  startsOn: string;
  spendBy: string;
}

function FundingModal({ initiativeId, row, onClose }: { initiativeId: string; row: FundingRow | null; onClose: () => void }) {
  const { t } = useTranslation('implementation');
  const save = useSaveFunding(initiativeId);
  const [failed, setFailed] = useState<unknown>(null);
  const initialValues: Values = {
    source: row?.source ?? '',
    amountUsd: row?.amountUsd ?? '',
    startsOn: row?.startsOn ?? '',
    spendBy: row?.spendBy ?? '',
  };
  const form = useForm({
    initialValues,
    ...schemaForm(FundingInput, t, {
      toInput: (v: Values) => ({ ...v, amountUsd: v.amountUsd === '' ? undefined : Number(v.amountUsd), startsOn: v.startsOn || null }),
      check: (v: Values) => ({
        spendBy: v.startsOn && v.spendBy && v.spendBy < v.startsOn ? t('initiatives.funding.spendByBeforeStart') : undefined,
      }),
    }),
  });
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      await save.mutateAsync({ ...input, fundingId: row?.id, version: row?.version });
      onClose();
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={row ? t('initiatives.funding.edit') : t('initiatives.funding.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('initiatives.funding.source')}
            description={t('initiatives.funding.sourceHelp')}
            required
            data-autofocus
            {...form.getInputProps('source')}
          />
          <NumberInput
            label={t('initiatives.funding.amountUsd')}
            required
            min={0}
            decimalScale={2}
            prefix="$"
            thousandSeparator
            {...form.getInputProps('amountUsd')}
          />
          <TextInput type="date" label={t('initiatives.funding.startsOn')} {...form.getInputProps('startsOn')} />
          <TextInput type="date" label={t('initiatives.funding.spendBy')} required {...form.getInputProps('spendBy')} />
          <ErrorAlert error={failed} />
          <FormModalFooter onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** Funding behind the initiative; a spend-by date gone by or near shows in words and colour. */
export function FundingSection({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation('implementation');
  const [editing, setEditing] = useState<FundingRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<FundingRow | null>(null);
  const remove = useDeleteFunding(initiative.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="initiative-funding">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="initiative-funding">
          {t('initiatives.funding.title')}
        </Title>
        <Button variant="light" onClick={() => setEditing('new')}>
          {t('initiatives.funding.add')}
        </Button>
      </Group>
      {initiative.funding.length === 0 ? (
        <Text>{t('initiatives.funding.empty')}</Text>
      ) : (
        <ScrollRegion label={t('initiatives.funding.title')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {(['source', 'amount', 'startsOn', 'spendBy', 'warning', 'actions'] as const).map((col) => (
                  <Table.Th key={col} scope="col">
                    {t(`initiatives.funding.col.${col}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {initiative.funding.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Th scope="row">{f.source}</Table.Th>
                  <Table.Td>{t('initiatives.funding.usd', { amount: formatNumber(f.amountUsd) })}</Table.Td>
                  <Table.Td>{f.startsOn ? formatDate(f.startsOn) : '—'}</Table.Td>
                  <Table.Td>{formatDate(f.spendBy)}</Table.Td>
                  <Table.Td>
                    {f.warning ? (
                      <Badge variant="light" color={WARNING_COLOR[f.warning]}>
                        {t(`initiatives.funding.warning.${f.warning}`, { count: INITIATIVE_LIMITS.fundingWarningDays })}
                      </Badge>
                    ) : (
                      t('initiatives.funding.warning.none')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing(f)}
                        aria-label={t('initiatives.funding.editOf', { name: f.source })}
                      >
                        {t('initiatives.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setDeleting(f)}
                        aria-label={t('initiatives.funding.deleteOf', { name: f.source })}
                      >
                        {t('initiatives.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {editing && <FundingModal initiativeId={initiative.id} row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        title={t('initiatives.funding.deleteTitle')}
        confirmLabel={t('initiatives.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        {t('initiatives.funding.deleteBody', { name: deleting?.source ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
