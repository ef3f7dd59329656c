import { Fragment } from 'react';
import { InputNumber, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Category } from '@baton/contract/org';
import type { FormIssue, IndicatorForm, SchemeForm } from '../scheme-form.model';
import { countsInSection, issuesAt, sectionWeightSums, weightCellPath } from '../scheme-checks.model';
import { issueText } from './Field';

interface WeightGridProps {
  form: SchemeForm;
  categories: readonly string[];
  known: readonly Category[];
  issues: readonly FormIssue[];
  readOnly?: boolean;
  onIndicatorChange: (index: number, patch: Partial<IndicatorForm>) => void;
}

const RED = '#c8372d';
const cell: React.CSSProperties = { padding: '6px 8px', borderBottom: '1px solid #eef0f4', textAlign: 'right', whiteSpace: 'nowrap' };

/**
 * 分类权重: indicators (rows, by section) × the default and every unit category (columns). An empty
 * category cell takes the default weight. The sum row of each section is red when a column does
 * not reach exactly 100 (DESIGN §3.2) — the server refuses such a scheme.
 */
export function WeightGrid({ form, categories, known, issues, readOnly, onIndicatorChange }: WeightGridProps) {
  const { t } = useTranslation();
  const sums = sectionWeightSums(form, categories);
  const nameOf = (code: string) => known.find((c) => c.code === code)?.name;
  const first = form.sections[0]?.id;
  const columns: (string | null)[] = [null, ...categories];

  const setCell = (index: number, indicator: IndicatorForm, category: string | null, value: number | null) => {
    if (category === null) return onIndicatorChange(index, { weight: value });
    const next = { ...indicator.weightsByCategory };
    if (value === null) delete next[category];
    else next[category] = value;
    onIndicatorChange(index, { weightsByCategory: next });
  };

  return (
    <div style={{ overflowX: 'auto' }} data-testid="weight-grid">
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
        <thead>
          <tr style={{ background: '#f7f8fa' }}>
            <th style={{ ...cell, textAlign: 'left', position: 'sticky', left: 0, background: '#f7f8fa', minWidth: 120 }}>{t('schemes.editor.indicators')}</th>
            {columns.map((code) => (
              <th key={code ?? '*'} style={{ ...cell, minWidth: 92 }}>
                {code === null ? (
                  <Tooltip title={t('schemes.field.defaultColumnHelp')}>{t('schemes.field.defaultColumn')}</Tooltip>
                ) : (
                  <Tooltip title={nameOf(code) ? code : t('schemes.field.unknownCategory')}>
                    <span style={{ color: nameOf(code) ? undefined : RED }}>
                      {nameOf(code) ?? code} {nameOf(code) ? null : <WarningOutlined />}
                    </span>
                  </Tooltip>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {form.sections.map((section, s) => {
            const members = form.indicators.map((indicator, index) => ({ indicator, index })).filter(({ indicator }) => countsInSection(indicator) && (indicator.section || first) === section.id);
            const sectionSums = sums[s];
            return (
              <Fragment key={section.key}>
                {form.sections.length > 1 ? (
                  <tr>
                    <td colSpan={columns.length + 1} style={{ ...cell, textAlign: 'left', background: '#fbfbfd', fontWeight: 600 }}>
                      {section.id} · {section.percent ?? '—'}%
                    </td>
                  </tr>
                ) : null}
                {members.map(({ indicator, index }) => (
                  <tr key={indicator.key}>
                    <td style={{ ...cell, textAlign: 'left', position: 'sticky', left: 0, background: '#fff' }}>
                      <span className="mono">{indicator.id || `#${index + 1}`}</span>
                      {indicator.name ? <Typography.Text type="secondary"> {indicator.name}</Typography.Text> : null}
                    </td>
                    {columns.map((code) => {
                      const own = code === null ? indicator.weight : (indicator.weightsByCategory[code] ?? null);
                      const cellIssues = issuesAt(issues, code === null ? `indicators[${index}].weight` : `indicators[${index}].weightsByCategory.${code}`);
                      if (readOnly) {
                        return (
                          <td key={code ?? '*'} style={cell}>
                            {own ?? <Typography.Text type="secondary">{indicator.weight ?? '—'}</Typography.Text>}
                          </td>
                        );
                      }
                      return (
                        <td key={code ?? '*'} style={cell}>
                          <Tooltip title={cellIssues.map((i) => issueText(t, i.message)).join('；') || undefined}>
                            <InputNumber
                              size="small"
                              min={0}
                              value={own}
                              placeholder={code === null ? undefined : String(indicator.weight ?? '')}
                              onChange={(v) => setCell(index, indicator, code, typeof v === 'number' ? v : null)}
                              status={cellIssues.length > 0 ? 'error' : undefined}
                              style={{ width: 76 }}
                              data-testid={`weight-${indicator.id || index}-${code ?? 'default'}`}
                            />
                          </Tooltip>
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr style={{ background: '#f7f8fa' }}>
                  <td style={{ ...cell, textAlign: 'left', position: 'sticky', left: 0, background: '#f7f8fa', fontWeight: 600 }}>
                    {t('schemes.field.sum')}
                    {form.sections.length > 1 ? ` · ${section.id}` : ''}
                  </td>
                  {(sectionSums?.sums ?? []).map((sum) => {
                    const cellIssues = issuesAt(issues, weightCellPath(s, sum.category));
                    const bad = members.length > 0 && (!sum.ok || cellIssues.length > 0);
                    return (
                      <td
                        key={sum.category ?? '*'}
                        style={{ ...cell, fontWeight: 600, color: bad ? RED : members.length === 0 ? undefined : '#237804', background: bad ? '#fff1f0' : undefined }}
                        data-testid={`weight-sum-${section.id}-${sum.category ?? 'default'}`}
                        data-ok={bad ? 'false' : 'true'}
                      >
                        <Tooltip title={cellIssues.map((i) => issueText(t, i.message)).join('；') || (bad ? t('schemes.issue.weightSum') : undefined)}>
                          {sum.incomplete || members.length === 0 ? '—' : sum.sum}
                          {bad ? <WarningOutlined style={{ marginLeft: 4 }} /> : null}
                        </Tooltip>
                      </td>
                    );
                  })}
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
