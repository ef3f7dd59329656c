import { useMemo } from 'react';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DistributionGroup } from '@baton/contract/results';
import { Chart } from '../../../shared/components/Chart';
import { gradeChartColor } from '../../../shared/grades';
import type { TieToDecide } from '../../committee/components/TieDecisionModal';
import { QuotaBar } from './QuotaBar';

/**
 * One group of the committee view: how many got each grade against the grade's seats (the seat bar
 * behind the count bar), the quota use, and the quota ties with their people — the tied block stays
 * in the lower grade (DESIGN §3.2) until the committee decides.
 */
export function DistributionCard({ group, isMobile, onPickSubject, onDecide }: {
  group: DistributionGroup;
  isMobile: boolean;
  onPickSubject?: (id: number | string) => void;
  /** The admin during the review: opens the committee's decision on a tie. */
  onDecide?: (tie: TieToDecide) => void;
}) {
  const { t } = useTranslation();
  const tiedGrades = useMemo(() => new Set(group.ties.map((tie) => tie.grade)), [group.ties]);
  const option = useMemo(() => {
    const count = group.grades.length;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, data: [t('results.count'), t('results.capacity')] },
      grid: { left: 8, right: 8, top: 24, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: group.grades.map((g) => g.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('results.capacity'),
          barMaxWidth: 36,
          barGap: '-100%',
          z: 1,
          itemStyle: { color: '#e6ebf2', borderColor: '#b7c1cf', borderType: 'dashed', borderWidth: 1 },
          data: group.grades.map((g) => (g.capacity === null ? null : g.capacity)),
        },
        {
          type: 'bar',
          name: t('results.count'),
          barMaxWidth: 36,
          barGap: '-100%',
          z: 2,
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) => {
              const g = group.grades[p.dataIndex];
              return g && g.capacity !== null ? `${g.count}/${g.capacity}` : String(g?.count ?? '');
            },
          },
          data: group.grades.map((g, i) => ({ value: g.count, itemStyle: { color: gradeChartColor(i, count) } })),
        },
      ],
    };
  }, [group, t]);

  const freeSeatsOf = (grade: string): number | null => {
    const g = group.grades.find((candidate) => candidate.name === grade);
    return g && g.capacity !== null ? Math.max(0, g.capacity - g.count) : null;
  };
  const quotaGroup = { group: group.group, size: group.size, grades: group.grades.map((g) => ({ name: g.name, quota: g.quota, capacity: g.capacity, used: g.count })) };

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap style={{ padding: '4px 0' }}>
          <span>{group.group.name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
            {t('results.count2', { n: group.size })}
          </Typography.Text>
          {group.ties.length > 0 ? (
            <Tag color="volcano" icon={<WarningFilled />} style={{ marginInlineEnd: 0 }}>
              {t('results.ties')} {group.ties.length}
            </Tag>
          ) : null}
        </Flex>
      }
      data-testid="distribution-group"
      data-group={group.group.key}
    >
      <Chart option={option} height={isMobile ? 200 : 220} testId="distribution-chart" />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', margin: '4px 0' }}>
        {t('results.quotaUse')}
      </Typography.Text>
      <QuotaBar groups={[{ ...quotaGroup, group: { key: 'all', name: '' } }]} ties={new Map([['all', tiedGrades]])} />
      {group.ties.length > 0 ? (
        <Flex vertical gap={8} style={{ marginTop: 10 }} data-testid="distribution-ties">
          {group.ties.map((tie) => (
            <div key={tie.grade} className="results-tie">
              <Typography.Text strong>
                <WarningFilled style={{ color: '#fa8c16', marginInlineEnd: 4 }} />
                {t('flags.quotaTie', { grade: tie.grade })}
              </Typography.Text>
              <Flex gap={4} wrap style={{ margin: '6px 0' }}>
                {tie.subjects.map((s) => (
                  <Tag key={String(s.id)} color="orange" style={{ marginInlineEnd: 0, cursor: onPickSubject ? 'pointer' : undefined }} onClick={() => onPickSubject?.(s.id)}>
                    {s.name}
                  </Tag>
                ))}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('results.tieNote', { grade: tie.grade })}
              </Typography.Text>
              {onDecide ? (
                <div style={{ marginTop: 6 }}>
                  <Button size="small" data-testid="tie-decide" onClick={() => onDecide({ group: group.group, grade: tie.grade, subjects: tie.subjects, freeSeats: freeSeatsOf(tie.grade) })}>
                    {t('committee.open')}
                  </Button>
                </div>
              ) : null}
            </div>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}
