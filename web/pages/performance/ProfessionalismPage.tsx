import { Anchor, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConcerns, useImprovementPlans } from '../../api/professionalism.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { DocumentConcernModal } from './DocumentConcernModal.tsx';

/**
 * /performance/professionalism: the concerns and improvement plans the reader may see (their own,
 * those they raised, their schools', all for HR); leaders and HR document a concern from here.
 */
export default function ProfessionalismPage() {
  const { t } = useTranslation('performance');
  const me = useMe();
  const concerns = useConcerns();
  const plans = useImprovementPlans();
  const [documenting, setDocumenting] = useState(false);
  const canRaise = me.abilities.viewPerformanceCompletion;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('professionalism.pageTitle')}
        subtitle={t('professionalism.pageIntro')}
        actions={
          <>
            {canRaise ? <Button onClick={() => setDocumenting(true)}>{t('professionalism.document')}</Button> : null}
            <Button component={Link} to="/performance/expectations" variant="default">
              {t('professionalism.manageExpectations')}
            </Button>
          </>
        }
      />
      <Title order={2}>{t('professionalism.concerns')}</Title>
      {concerns.data ? (
        concerns.data.items.length === 0 ? (
          <Text c="dimmed">{t('professionalism.noConcerns')}</Text>
        ) : (
          <ScrollRegion label={t('professionalism.concerns')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('professionalism.person')}</Table.Th>
                  <Table.Th>{t('professionalism.expectation')}</Table.Th>
                  <Table.Th>{t('professionalism.occurredOn')}</Table.Th>
                  <Table.Th>{t('professionalism.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {concerns.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/performance/concerns/${c.id}`}>
                        {c.person.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.expectation.title}</Table.Td>
                    <Table.Td>{formatDate(c.occurredOn)}</Table.Td>
                    <Table.Td>
                      <Badge color={c.status === 'open' ? 'orange' : 'gray'}>{t(`professionalism.statuses.${c.status}`)}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )
      ) : concerns.error ? (
        <ErrorAlert error={concerns.error} />
      ) : (
        <Loading />
      )}
      <Title order={2}>{t('professionalism.plans')}</Title>
      {plans.data ? (
        plans.data.items.length === 0 ? (
          <Text c="dimmed">{t('professionalism.noPlans')}</Text>
        ) : (
          <ScrollRegion label={t('professionalism.plans')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('professionalism.person')}</Table.Th>
                  <Table.Th>{t('professionalism.startsOn')}</Table.Th>
                  <Table.Th>{t('professionalism.endsOn')}</Table.Th>
                  <Table.Th>{t('professionalism.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plans.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/performance/improvement-plans/${p.id}`}>
                        {p.person.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDate(p.startsOn)}</Table.Td>
                    <Table.Td>{formatDate(p.endsOn)}</Table.Td>
                    <Table.Td>
                      <Badge color={p.status === 'active' ? 'blue' : 'gray'}>{t(`professionalism.statuses.${p.status}`)}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )
      ) : plans.error ? (
        <ErrorAlert error={plans.error} />
      ) : (
        <Loading />
      )}
      {documenting ? <DocumentConcernModal onClose={() => setDocumenting(false)} /> : null}
    </Stack>
  );
}
