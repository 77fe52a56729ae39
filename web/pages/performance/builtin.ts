import type { TFunction } from 'i18next';
import type { PlanTemplate } from '../../../common/schemas/plan-templates.ts';

/**
 * The built-in template (DEFAULT_PLAN_TEMPLATE) in the reader's language: its words come from
 * `performance:templates.builtin.*`, so HR saving it as the district default saves it in theirs.
 * A template the district saved is shown as written.
 */
export function localizeTemplate(template: PlanTemplate, t: TFunction): PlanTemplate {
  if (!template.builtIn) return template;
  return {
    ...template,
    title: t('performance:templates.builtin.title', { defaultValue: template.title }),
    sections: template.sections.map((s) => ({
      key: s.key,
      title: t(`performance:templates.builtin.${s.key}.title`, { defaultValue: s.title }),
      prompt: t(`performance:templates.builtin.${s.key}.prompt`, { defaultValue: s.prompt }),
    })),
    signatureBlocks: template.signatureBlocks.map((b) => ({
      signer: b.signer,
      label: t(`performance:templates.signer.${b.signer}`, { defaultValue: b.label }),
    })),
  };
}
