import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category } from '@baton/contract/org';
import type { FormIssue, SchemeForm } from '../scheme-form.model';
import { BasicsCard } from './BasicsCard';
import { BuilderCard, withIndicator } from './BuilderParts';
import { CouplingCard } from './CouplingCard';
import { GradesCard } from './GradesCard';
import { IndicatorsCard } from './IndicatorsCard';
import { SectionsCard } from './SectionsCard';
import { WeightGrid } from './WeightGrid';

interface BuilderProps {
  form: SchemeForm;
  onChange: (form: SchemeForm) => void;
  issues: readonly FormIssue[];
  categories: readonly string[];
  knownCategories: readonly Category[];
  readOnly?: boolean;
  /** The code is fixed when building a new version of an existing scheme. */
  codeLocked?: boolean;
  /** Names to offer as unit tiers (the grades of the unit schemes). */
  tierSuggestions?: readonly string[];
}

/** The form of a scheme (DESIGN §3.1): basics, sections, indicators, weights by category, grades. Read-only renders the same layout as text. */
export function SchemeBuilder({ form, onChange, issues, categories, knownCategories, readOnly, codeLocked, tierSuggestions = [] }: BuilderProps) {
  const { t } = useTranslation();
  const patch = (p: Partial<SchemeForm>) => onChange({ ...form, ...p });
  const card = { form, patch, issues, readOnly };
  return (
    <Flex vertical gap={12}>
      <BasicsCard {...card} codeLocked={codeLocked} />
      <SectionsCard {...card} />
      <IndicatorsCard {...card} />
      <BuilderCard id="scheme-weights" title={t('schemes.editor.weights')} help={t('schemes.editor.weightsHelp')}>
        <WeightGrid form={form} categories={categories} known={knownCategories} issues={issues} readOnly={readOnly} onIndicatorChange={(index, p) => patch(withIndicator(form, index, p))} />
      </BuilderCard>
      <GradesCard {...card} />
      <CouplingCard {...card} tierSuggestions={tierSuggestions} />
    </Flex>
  );
}
