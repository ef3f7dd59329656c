import { Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@baton/engine';
import type { ResultRow } from '@baton/contract/results';
import type { IndicatorKind } from '@baton/contract/schemes';
import { formatScore } from '../../../shared/scores';
import { GradeTag } from '../../../shared/components/GradeTag';
import { FlagTags } from '../../../shared/components/FlagTags';
import { IndicatorKindTag } from '../../schemes/components/IndicatorKindTag';
import { explainSentence } from '../explain-sentence';
import { splitExplain } from '../results.model';

const isIndicatorKind = (k: string | undefined): k is IndicatorKind => k === 'key' || k === 'regular' || k === 'dynamic';

interface IndicatorLine {
  id: string;
  name: string;
  kind: IndicatorKind | undefined;
  weight: number | null;
  score: number | null;
  raw: number | null;
  explain: string[];
}

function indicatorLines(row: ResultRow, schemeIndicators: ReadonlyMap<string, Indicator>): IndicatorLine[] {
  const explains = new Map<string, string[]>();
  const loose: string[] = [];
  for (const line of row.explain ?? []) {
    const { indicator } = splitExplain(line);
    if (indicator && (indicator in row.indicators || schemeIndicators.has(indicator))) explains.set(indicator, [...(explains.get(indicator) ?? []), line]);
    else loose.push(line);
  }
  const ids = [...Object.keys(row.indicators), ...[...explains.keys()].filter((id) => !(id in row.indicators))];
  const lines = ids.map((id) => {
    const value = row.indicators[id];
    const def = schemeIndicators.get(id);
    return {
      id,
      name: def?.name ?? id,
      kind: isIndicatorKind(def?.kind) ? def.kind : undefined,
      weight: value?.weight ?? null,
      score: value?.score ?? null,
      raw: value?.raw ?? null,
      explain: explains.get(id) ?? [],
    };
  });
  if (loose.length > 0) lines.push({ id: '', name: '', kind: undefined, weight: null, score: null, raw: null, explain: loose });
  return lines;
}

/**
 * "Why is my score 87.25?" — a result down to its indicators: weight, score, raw value and the
 * engine's explanation line of each (DESIGN §2.3).
 */
export function ResultDetail({
  row,
  grades,
  schemeIndicators,
  groupSize,
  compact,
}: {
  row: ResultRow;
  grades: readonly string[];
  schemeIndicators: ReadonlyMap<string, Indicator>;
  groupSize?: number | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const names = new Map([...schemeIndicators.values()].map((i) => [i.id, i.name ?? i.id]));
  const lines = indicatorLines(row, schemeIndicators);
  const sections = Object.entries(row.sections ?? {});
  return (
    <Flex vertical gap={14} data-testid="result-detail">
      <Flex align="center" gap={16} wrap>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('results.total')}
          </Typography.Text>
          <div className="result-total" data-testid="result-total">
            {formatScore(row.total)}
          </div>
        </div>
        <Flex vertical gap={4} align="flex-start">
          <GradeTag grade={row.grade} grades={grades} large />
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="result-group-rank">
            {groupSize
              ? t('results.rankInGroup', { rank: row.groupRank, size: groupSize })
              : t('results.rankInGroupShort', { rank: row.groupRank })}
            {' · '}
            {row.group.name}
          </Typography.Text>
        </Flex>
      </Flex>
      {row.flags.length > 0 ? <FlagTags flags={row.flags} names={names} /> : null}
      {sections.length > 1 || (sections.length === 1 && sections[0]?.[0] !== 'main') ? (
        <Descriptions
          size="small"
          column={compact ? 2 : 3}
          bordered
          title={<span style={{ fontSize: 14 }}>{t('results.sections')}</span>}
          items={sections.map(([id, score]) => ({ key: id, label: id, children: formatScore(score) }))}
        />
      ) : null}
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('results.explainTitle')}
        </Typography.Title>
        <Flex vertical gap={10} data-testid="result-indicators">
          {lines.map((line) => (
            <div key={line.id || 'other'} data-testid="result-indicator" data-indicator={line.id}>
              {line.id ? (
                <Flex justify="space-between" align="baseline" gap={8}>
                  <Flex gap={6} align="center" wrap style={{ minWidth: 0 }}>
                    <Typography.Text strong>{line.name}</Typography.Text>
                    {line.name !== line.id ? <span className="mono" style={{ color: 'rgba(0,0,0,0.45)' }}>{line.id}</span> : null}
                    <IndicatorKindTag kind={line.kind} />
                    {line.weight !== null ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('results.indicatorWeight', { weight: formatScore(line.weight) })}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                  <Typography.Text strong className="nowrap" style={{ fontSize: 15 }}>
                    {line.score === null ? '—' : formatScore(line.score)}
                  </Typography.Text>
                </Flex>
              ) : null}
              {line.explain.map((text, i) => {
                const sentence = explainSentence(t, text);
                return (
                  <div key={i} style={{ marginTop: 4 }}>
                    {sentence ? (
                      <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                        {sentence}
                      </Typography.Text>
                    ) : null}
                    {/* the engine's own words: for the committee always, for a member only where we have no sentence */}
                    {!sentence || !compact ? (
                      <div className="explain-line" data-testid="explain-line">
                        {text}
                      </div>
                    ) : null}
                  </div>
                );
              })}
            </div>
          ))}
        </Flex>
      </div>
      {!compact && lines.some((l) => l.raw !== null) ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={lines.filter((l) => l.id)}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'name', title: t('results.indicator'), render: (_: unknown, l: IndicatorLine) => l.name },
            { key: 'weight', title: t('results.weight'), align: 'right', render: (_: unknown, l: IndicatorLine) => (l.weight === null ? '—' : formatScore(l.weight)) },
            { key: 'raw', title: t('results.raw'), align: 'right', render: (_: unknown, l: IndicatorLine) => (l.raw === null ? '—' : formatScore(l.raw)) },
            { key: 'score', title: t('results.score'), align: 'right', render: (_: unknown, l: IndicatorLine) => (l.score === null ? '—' : formatScore(l.score)) },
          ]}
        />
      ) : null}
    </Flex>
  );
}
