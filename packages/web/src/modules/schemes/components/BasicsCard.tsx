import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { issuesAt } from '../scheme-checks.model';
import { GROUPINGS, QUOTA_ROUNDINGS, SCHEME_KINDS, SUBJECT_KINDS } from '../scheme-form.model';
import { BuilderCard, type BuilderCardProps } from './BuilderParts';
import { Field } from './Field';

/** Name, code, kind, subjects, grouping and quota rounding of a scheme. */
export function BasicsCard({ form, patch, issues, readOnly, codeLocked }: BuilderCardProps & { codeLocked?: boolean }) {
  const { t } = useTranslation();
  const at = (path: string) => issuesAt(issues, path);
  return (
    <BuilderCard id="scheme-basics" title={t('schemes.editor.basics')}>
      <Flex gap={12} wrap>
        <Field label={t('schemes.field.name')} issues={at('name')} readOnly={readOnly} display={form.name} grow>
          <Input value={form.name} onChange={(e) => patch({ name: e.target.value })} maxLength={200} status={at('name').length ? 'error' : undefined} data-testid="scheme-name" />
        </Field>
        <Field label={t('schemes.field.code')} issues={at('code')} readOnly={readOnly || codeLocked} display={<span className="mono">{form.code}</span>} width={240} help={t('schemes.field.codeHelp')}>
          <Input value={form.code} onChange={(e) => patch({ code: e.target.value })} maxLength={64} className="mono" placeholder="routine-2026" status={at('code').length ? 'error' : undefined} data-testid="scheme-code" />
        </Field>
      </Flex>
      <Flex gap={12} wrap>
        <Field label={t('schemes.field.kind')} issues={at('kind')} readOnly={readOnly} display={t(`schemes.kind.${form.kind}`)} width={170}>
          <Select value={form.kind} onChange={(kind) => patch({ kind })} options={SCHEME_KINDS.map((k) => ({ value: k, label: t(`schemes.kind.${k}`) }))} data-testid="scheme-kind" />
        </Field>
        <Field label={t('schemes.field.subjectKind')} issues={at('subjectKind')} readOnly={readOnly} display={t(`schemes.subjectKind.${form.subjectKind}`)} width={130}>
          <Select value={form.subjectKind} onChange={(subjectKind) => patch({ subjectKind })} options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`schemes.subjectKind.${k}`) }))} />
        </Field>
        <Field label={t('schemes.field.grouping')} issues={at('grouping')} readOnly={readOnly} display={t(`schemes.grouping.${form.grouping}`)} width={170}>
          <Select value={form.grouping} onChange={(grouping) => patch({ grouping })} options={GROUPINGS.map((g) => ({ value: g, label: t(`schemes.grouping.${g}`) }))} />
        </Field>
        <Field label={t('schemes.field.quotaRounding')} issues={at('quotaRounding')} readOnly={readOnly} display={t(`schemes.rounding.${form.quotaRounding}`)} width={140}>
          <Select value={form.quotaRounding} onChange={(quotaRounding) => patch({ quotaRounding })} options={QUOTA_ROUNDINGS.map((r) => ({ value: r, label: t(`schemes.rounding.${r}`) }))} />
        </Field>
      </Flex>
    </BuilderCard>
  );
}
