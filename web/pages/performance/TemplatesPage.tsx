import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanTemplate } from '../../../common/schemas/plan-templates.ts';
import { usePlanTemplates } from '../../api/plan-templates.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { localizeTemplate } from './builtin.ts';
import { TemplateEditor, type EditTarget } from './TemplateEditor.tsx';

/** Plan templates: the district default and each career step's own (or "uses the district default"). */
export default function TemplatesPage() {
  const { t } = useTranslation('performance');
  const list = usePlanTemplates();
  const [editing, setEditing] = useState<EditTarget | null>(null);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const { districtDefault, steps, abilities } = list.data;
  const summary = (template: PlanTemplate) =>
    t('templates.summary', {
      sections: template.sections.length,
      goals: `${template.minGoals}–${template.maxGoals}`,
      focus: `${template.minFocusAreas}–${template.maxFocusAreas}`,
    });
  const open = (target: EditTarget) => setEditing(target);
  const def = localizeTemplate(districtDefault, t);

  return (
    <Stack>
      <PageHeader
        title={t('templates.title')}
        subtitle={t('templates.subtitle')}
        actions={
          abilities.manage ? (
            <Button component={Link} to="/performance/import" variant="default">
              {t('templates.importLink')}
            </Button>
          ) : null
        }
      />
      <Table.ScrollContainer minWidth={520}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('templates.step')}</Table.Th>
              <Table.Th>{t('templates.template')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('templates.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>
                <Text fw={600}>{t('templates.districtDefault')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{def.title}</Text>
                <Text size="xs" c="dimmed">
                  {summary(def)}
                </Text>
                {def.builtIn ? <Badge variant="light">{t('templates.builtIn')}</Badge> : null}
              </Table.Td>
              <Table.Td>
                {abilities.manage ? (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => open({ stepId: null, stepTitle: t('templates.districtDefault'), template: def })}
                  >
                    {def.builtIn ? t('templates.saveAsDefault') : t('templates.edit')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
            {steps.map((step) => (
              <Table.Tr key={step.stepId}>
                <Table.Td>
                  <Text>{step.stepTitle}</Text>
                  <Text size="xs" c="dimmed">
                    {step.pathwayTitle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {step.template ? (
                    <>
                      <Text size="sm">{step.template.title}</Text>
                      <Text size="xs" c="dimmed">
                        {summary(step.template)}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('templates.usesDefault')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {abilities.manage ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() =>
                        open({
                          stepId: step.stepId,
                          stepTitle: step.stepTitle,
                          template: step.template ?? { ...def, id: null, version: null, builtIn: false },
                        })
                      }
                    >
                      {step.template ? t('templates.edit') : t('templates.create')}
                      <VisuallyHidden>{t('templates.forStep', { step: step.stepTitle })}</VisuallyHidden>
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {steps.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('templates.noSteps')}
        </Text>
      ) : null}
      {editing ? <TemplateEditor target={editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
