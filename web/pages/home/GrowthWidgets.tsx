import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HomeObservation } from '../../../common/schemas/profile.ts';
import { useHomeGrowth } from '../../api/home.ts';
import { formatDate, formatDateTime, formatNumber } from '../../app/format.ts';

function Widget({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card component="section" withBorder padding="md" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function ObservationList({
  items,
  line,
  flagNew = false,
}: {
  items: HomeObservation[];
  line: (o: HomeObservation) => string;
  flagNew?: boolean;
}) {
  const { t } = useTranslation('tracker');
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((o) => (
        <Group component="li" key={o.id} gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/observations/${o.id}`} size="sm">
            {formatDate(o.observedOn)} · {line(o)}
          </Anchor>
          {flagNew && !o.acknowledged ? <Badge size="xs">{t('home.unacknowledged')}</Badge> : null}
        </Group>
      ))}
    </Stack>
  );
}

/** "My growth" on the home page: own observations, action steps and coaching; observers' drafts, overdue feedback and missing observations. Only widgets with content show. */
export function GrowthWidgets() {
  const { t } = useTranslation('tracker');
  const growth = useHomeGrowth();
  if (!growth.data) return null;
  const { mine, observer } = growth.data;
  const widgets: ReactNode[] = [];
  if (observer?.overdueFeedback.length) {
    widgets.push(
      <Widget key="overdue" title={t('home.overdue')}>
        <ObservationList
          items={observer.overdueFeedback}
          line={(o) => t('home.overdueSince', { name: o.personName, date: formatDate(o.feedbackDueOn) })}
        />
      </Widget>,
    );
  }
  if (observer?.missing.items.length) {
    const more = observer.missing.total - observer.missing.items.length;
    widgets.push(
      <Widget key="missing" title={t('home.missing')}>
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {observer.missing.items.map((m) => (
            <li key={m.personId}>
              <Anchor component={Link} to={`/people/${m.personId}`} size="sm">
                {t('home.missingLine', {
                  name: m.name,
                  scored: formatNumber(m.scoredThisTerm),
                  required: formatNumber(observer.missing.requiredPerTerm),
                })}
              </Anchor>
            </li>
          ))}
        </Stack>
        {more > 0 ? <Text size="sm">{t('home.missingMore', { count: more })}</Text> : null}
        <Anchor component={Link} to="/tracker?flags=missing" size="sm" mt="xs" display="block">
          {t('home.openTracker')}
        </Anchor>
      </Widget>,
    );
  }
  if (observer?.drafts.length) {
    widgets.push(
      <Widget key="drafts" title={t('home.drafts')}>
        <ObservationList items={observer.drafts} line={(o) => t('home.observationOf', { type: o.typeName, name: o.personName })} />
      </Widget>,
    );
  }
  if (mine.observations.length) {
    widgets.push(
      <Widget key="mine" title={t('home.myObservations')}>
        <ObservationList flagNew items={mine.observations} line={(o) => t('home.observedBy', { type: o.typeName, name: o.personName })} />
      </Widget>,
    );
  }
  if (mine.actionSteps.length) {
    widgets.push(
      <Widget key="steps" title={t('home.myActionSteps')}>
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {mine.actionSteps.map((s) => (
            <li key={s.id}>
              <Text size="sm">
                {s.observationId ? (
                  <Anchor component={Link} to={`/observations/${s.observationId}`}>
                    {s.title}
                  </Anchor>
                ) : (
                  s.title
                )}{' '}
                · {t(`stepStatus.${s.status}`)}
                {s.dueOn ? ` · ${t('home.due', { date: formatDate(s.dueOn) })}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      </Widget>,
    );
  }
  if (mine.coaching.heldThisTerm > 0 || mine.coaching.next) {
    const next = mine.coaching.next;
    widgets.push(
      <Widget key="coaching" title={t('home.myCoaching')}>
        <Text size="sm">{t('home.coachingHeld', { count: mine.coaching.heldThisTerm })}</Text>
        <Text size="sm">
          {next ? t('home.nextSession', { date: formatDateTime(next.startsAt), coach: next.coachName }) : t('home.noNextSession')}
        </Text>
      </Widget>,
    );
  }
  if (widgets.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="lg">
      {widgets}
    </SimpleGrid>
  );
}
