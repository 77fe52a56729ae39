import { Anchor, Button, Group, Progress, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompletionRow, MissingKind } from '../../../common/schemas/performance-views.ts';
import { isApiError } from '../../api/client.ts';
import { useCompletion, useViewCycles } from '../../api/performance-views.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx';
import { CompletionPeopleModal } from './CompletionPeopleModal.tsx';
import { CyclePicker, useCycleParam } from './CyclePicker.tsx';

type Phase = 'selfAssessed' | 'signed' | 'reviewed';
/** The phases shown as progress, and the people list a click on the missing count opens. */
const PHASES: { key: Phase; missing: MissingKind }[] = [
  { key: 'selfAssessed', missing: 'self_assessment' },
  { key: 'signed', missing: 'signature' },
  { key: 'reviewed', missing: 'review' },
];

interface Drill {
  orgUnitId: string | undefined;
  school: string;
  missing: MissingKind;
}

/** Completion by school and phase: who has not self-assessed, whose plan is unsigned, overdue check-ins. */
export default function CompletionPage() {
  const { t } = useTranslation('performance');
  usePageTitle(t('views.completion.title'));
  const cycles = useViewCycles();
  const [cycleId, setCycleId] = useCycleParam();
  const view = useCompletion(cycleId);
  const [drill, setDrill] = useState<Drill | null>(null);

  if (isApiError(cycles.error, 'forbidden')) return <NotAllowed />;
  if (cycles.error) return <ErrorAlert error={cycles.error} />;
  if (!cycles.data) return <Loading />;

  const schoolName = (r: CompletionRow) => r.orgUnitName ?? t('views.completion.noSchool');
  const count = (r: CompletionRow, phase: Phase, missing: MissingKind) => {
    const done = r[phase];
    const left = r.plans - done;
    return (
      <Stack gap={4} miw={110}>
        <Text size="sm">
          {done} / {r.plans}
        </Text>
        <Progress value={r.plans ? (done / r.plans) * 100 : 0} size="sm" aria-hidden />
        {left > 0 ? (
          <UnstyledButton
            onClick={() => setDrill({ orgUnitId: r.orgUnitId ?? undefined, school: schoolName(r), missing })}
            aria-describedby={`completion-school-${r.orgUnitId ?? 'none'}`}
          >
            <Text size="xs" c="blue.8" td="underline">
              {t(`views.missing.${missing}`)}: {left}
            </Text>
          </UnstyledButton>
        ) : null}
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('views.completion.title')}
        subtitle={view.data ? (view.data.district ? t('views.completion.district') : t('views.completion.yourSchools')) : undefined}
        actions={
          <Anchor component={Link} to={`/performance/ratings${cycleId ? `?cycle=${cycleId}` : ''}`}>
            {t('views.completion.ratingsLink')}
          </Anchor>
        }
      />
      {cycles.data.items.length === 0 ? (
        <Text>{t('views.completion.noCycles')}</Text>
      ) : (
        <>
          <CyclePicker value={cycleId} onChange={setCycleId} />
          {view.error ? <ErrorAlert error={view.error} /> : null}
          {!view.data ? (
            <Loading />
          ) : view.data.rows.length === 0 ? (
            <Text>{t('views.completion.empty')}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('views.completion.asOf', { date: formatDate(view.data.today) })}
              </Text>
              <Table.ScrollContainer minWidth={720}>
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('views.completion.school')}</Table.Th>
                      <Table.Th scope="col">{t('views.completion.plans')}</Table.Th>
                      {PHASES.map((p) => (
                        <Table.Th scope="col" key={p.key}>
                          {t(`views.completion.${p.key}`)}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col">{t('views.completion.acknowledged')}</Table.Th>
                      <Table.Th scope="col">{t('views.completion.checkInsOverdue')}</Table.Th>
                      <Table.Th scope="col">{t('views.completion.noRubric')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {view.data.rows.map((r) => (
                      <Table.Tr key={r.orgUnitId ?? 'none'}>
                        <Table.Th scope="row" id={`completion-school-${r.orgUnitId ?? 'none'}`}>
                          {schoolName(r)}
                        </Table.Th>
                        <Table.Td>{r.plans}</Table.Td>
                        {PHASES.map((p) => (
                          <Table.Td key={p.key}>{count(r, p.key, p.missing)}</Table.Td>
                        ))}
                        <Table.Td>{r.acknowledged}</Table.Td>
                        <Table.Td>
                          {r.checkInsOverdue > 0 ? (
                            <Button
                              variant="subtle"
                              size="compact-sm"
                              color="red.8"
                              onClick={() => setDrill({ orgUnitId: r.orgUnitId ?? undefined, school: schoolName(r), missing: 'check_in' })}
                              aria-describedby={`completion-school-${r.orgUnitId ?? 'none'}`}
                            >
                              {r.checkInsOverdue}
                            </Button>
                          ) : (
                            0
                          )}
                        </Table.Td>
                        <Table.Td>{r.noRubric}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th scope="row">{t('views.completion.total')}</Table.Th>
                      <Table.Td>{view.data.total.plans}</Table.Td>
                      {PHASES.map((p) => (
                        <Table.Td key={p.key}>
                          {view.data!.total[p.key]} / {view.data!.total.plans}
                        </Table.Td>
                      ))}
                      <Table.Td>{view.data.total.acknowledged}</Table.Td>
                      <Table.Td>{view.data.total.checkInsOverdue}</Table.Td>
                      <Table.Td>{view.data.total.noRubric}</Table.Td>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </>
      )}
      {drill && cycleId ? <CompletionPeopleModal cycleId={cycleId} {...drill} onClose={() => setDrill(null)} /> : null}
      <Group />
    </Stack>
  );
}
