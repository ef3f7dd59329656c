import { Button, Flex, Input, InputNumber, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { issuesAt, sectionPercentSum } from '../scheme-checks.model';
import { nextRowKey, type SectionForm } from '../scheme-form.model';
import { BuilderCard, RowTools, move, num, type BuilderCardProps } from './BuilderParts';
import { Field } from './Field';

/** The sections of a scheme (过程 · 结果 …) and their weights, which sum to 100 %. */
export function SectionsCard({ form, patch, issues, readOnly }: BuilderCardProps) {
  const { t } = useTranslation();
  const at = (path: string) => issuesAt(issues, path);
  const setSection = (index: number, p: Partial<SectionForm>) => {
    const old = form.sections[index];
    const sections = form.sections.map((s, i) => (i === index ? { ...s, ...p } : s));
    // renaming a section moves its indicators with it
    const indicators = old && p.id !== undefined && p.id !== old.id ? form.indicators.map((ind) => (ind.section === old.id ? { ...ind, section: p.id ?? '' } : ind)) : form.indicators;
    patch({ sections, indicators });
  };
  const percentSum = sectionPercentSum(form);
  return (
    <BuilderCard
      id="scheme-sections"
      title={t('schemes.editor.sections')}
      help={readOnly ? undefined : t('schemes.editor.sectionsHelp')}
      issues={at('sections')}
      extra={
        <Tag color={percentSum === 100 ? 'green' : 'red'} style={{ marginInlineEnd: 0 }} data-testid="section-sum">
          {t('schemes.field.sectionSum', { sum: percentSum })}
        </Tag>
      }
    >
      {form.sections.map((section, i) => (
        <Flex key={section.key} gap={12} align="flex-end" wrap>
          <Field label={t('schemes.field.sectionId')} issues={at(`sections[${i}].id`)} readOnly={readOnly} display={<span className="mono">{section.id}</span>} width={180}>
            <Input value={section.id} onChange={(e) => setSection(i, { id: e.target.value })} className="mono" status={at(`sections[${i}].id`).length ? 'error' : undefined} data-testid={`section-id-${i}`} />
          </Field>
          <Field label={t('schemes.field.sectionWeight')} issues={at(`sections[${i}].weight`)} readOnly={readOnly} display={`${section.percent ?? '—'}%`} width={120}>
            <InputNumber value={section.percent} min={0} max={100} onChange={(v) => setSection(i, { percent: num(v) })} suffix="%" style={{ width: '100%' }} status={at(`sections[${i}].weight`).length ? 'error' : undefined} data-testid={`section-weight-${i}`} />
          </Field>
          <RowTools
            index={i}
            count={form.sections.length}
            readOnly={readOnly}
            onMove={(to) => patch({ sections: move(form.sections, i, to) })}
            onRemove={() => patch({ sections: form.sections.filter((_, k) => k !== i) })}
          />
        </Flex>
      ))}
      {!readOnly ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => patch({ sections: [...form.sections, { key: nextRowKey('sec'), id: '', percent: null }] })} data-testid="section-add">
            {t('schemes.field.addSection')}
          </Button>
        </div>
      ) : null}
    </BuilderCard>
  );
}
