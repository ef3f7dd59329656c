import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { issuesAt } from '../scheme-checks.model';
import { defaultGrades, emptyGrade, type GradeForm } from '../scheme-form.model';
import { BuilderCard, RowTools, move, num, type BuilderCardProps } from './BuilderParts';
import { Field } from './Field';

/** The grades of a scheme, best first: quotas, floors and the requirements of annual grades; the last grade takes everyone left. */
export function GradesCard({ form, patch, issues, readOnly }: BuilderCardProps) {
  const { t } = useTranslation();
  const at = (path: string) => issuesAt(issues, path);
  const setGrade = (index: number, p: Partial<GradeForm>) => {
    const old = form.grades[index];
    const grades = form.grades.map((g, i) => (i === index ? { ...g, ...p } : g));
    // renaming the coupled grade keeps the coupling on it
    const coupling = form.quotaCoupling;
    const renamed = old && p.name !== undefined && coupling.grade !== null && coupling.grade === old.name.trim();
    patch({ grades, quotaCoupling: renamed ? { ...coupling, grade: p.name?.trim() || null } : coupling });
  };
  const gradeNames = form.grades.map((g) => g.name.trim()).filter(Boolean);
  return (
    <BuilderCard
      id="scheme-grades"
      title={t('schemes.editor.grades')}
      help={readOnly ? undefined : t('schemes.editor.gradesHelp')}
      issues={at('grades')}
      extra={
        readOnly ? null : (
          <Select
            size="small"
            value={null}
            placeholder={t('schemes.editor.presetGrades', { kind: '' })}
            onChange={(kind) => kind && patch({ grades: defaultGrades(kind) })}
            options={(['routine', 'annual'] as const).map((k) => ({ value: k, label: t('schemes.editor.presetGrades', { kind: t(`schemes.kind.${k}`) }) }))}
            popupMatchSelectWidth={false}
            style={{ width: 150 }}
          />
        )
      }
    >
      {form.grades.map((grade, i) => {
        const p = `grades[${i}]`;
        const last = i === form.grades.length - 1 && form.grades.length > 1;
        const otherNames = gradeNames.map((name) => ({ value: name, label: name }));
        return (
          <div key={grade.key} style={{ border: '1px solid #e6e9ef', borderRadius: 8, padding: '8px 12px' }} data-testid={`grade-${i}`}>
            <Flex vertical gap={8}>
              <Flex gap={12} wrap align="flex-end">
                <Field label={t('schemes.field.gradeName')} issues={at(`${p}.name`)} readOnly={readOnly} display={<Typography.Text strong>{grade.name}</Typography.Text>} width={120}>
                  <Input value={grade.name} onChange={(e) => setGrade(i, { name: e.target.value })} status={at(`${p}.name`).length ? 'error' : undefined} data-testid={`grade-name-${i}`} />
                </Field>
                {last ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, flex: '1 1 200px', paddingBottom: 4 }}>
                    {t('schemes.field.lastGrade')}
                  </Typography.Text>
                ) : (
                  <>
                    <Field label={t('schemes.field.quota')} issues={at(`${p}.quota`)} readOnly={readOnly} display={grade.quotaPercent === null ? t('schemes.field.noQuota') : `${grade.quotaPercent}%`} width={110}>
                      <InputNumber value={grade.quotaPercent} min={0} max={100} suffix="%" placeholder={t('schemes.field.noQuota')} onChange={(v) => setGrade(i, { quotaPercent: num(v) })} style={{ width: '100%' }} status={at(`${p}.quota`).length ? 'error' : undefined} />
                    </Field>
                    <Field label={t('schemes.field.minScore')} issues={at(`${p}.minScore`)} readOnly={readOnly} display={grade.minScore ?? '—'} width={96}>
                      <InputNumber value={grade.minScore} onChange={(v) => setGrade(i, { minScore: num(v) })} style={{ width: '100%' }} status={at(`${p}.minScore`).length ? 'error' : undefined} />
                    </Field>
                  </>
                )}
                <div style={{ marginLeft: 'auto' }}>
                  <RowTools index={i} count={form.grades.length} readOnly={readOnly} onMove={(to) => patch({ grades: move(form.grades, i, to) })} onRemove={() => patch({ grades: form.grades.filter((_, k) => k !== i) })} />
                </div>
              </Flex>
              {!last && ((!readOnly && form.kind === 'annual') || grade.requiresGrade || grade.noneOf.length > 0) ? (
                <Flex gap={12} wrap align="flex-end">
                  <Field
                    label={t('schemes.field.requiresGrade')}
                    issues={at(`${p}.requires`)}
                    readOnly={readOnly}
                    display={grade.requiresGrade ? `${grade.requiresGrade} > ${grade.shareAbovePercent ?? '—'}%` : '—'}
                    width={130}
                  >
                    <Select value={grade.requiresGrade} allowClear placeholder={t('schemes.editor.none')} onChange={(v) => setGrade(i, { requiresGrade: v ?? null })} options={otherNames} />
                  </Field>
                  {!readOnly ? (
                    <Field label={t('schemes.field.shareAbove')} issues={at(`${p}.requires.shareAbove`)} width={110}>
                      <InputNumber value={grade.shareAbovePercent} min={0} max={99.99} suffix="%" onChange={(v) => setGrade(i, { shareAbovePercent: num(v) })} style={{ width: '100%' }} />
                    </Field>
                  ) : null}
                  <Field label={t('schemes.field.noneOf')} issues={[...at(`${p}.requires.noneOf`), ...at(`${p}.requires.grade`)]} readOnly={readOnly} display={grade.noneOf.join('、') || '—'} grow>
                    <Select mode="multiple" value={grade.noneOf} onChange={(noneOf: string[]) => setGrade(i, { noneOf })} options={otherNames} placeholder={t('schemes.editor.none')} />
                  </Field>
                </Flex>
              ) : null}
            </Flex>
          </div>
        );
      })}
      {!readOnly ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => patch({ grades: [...form.grades, emptyGrade()] })} data-testid="grade-add">
            {t('schemes.field.addGrade')}
          </Button>
        </div>
      ) : null}
    </BuilderCard>
  );
}
