import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Card, Flex, Select, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PromotionItem, PromotionResult } from '@baton/contract/result-lists';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { formatScore } from '../../../shared/scores';
import { GradeTag } from '../../../shared/components/GradeTag';
import { useSchemes } from '../../schemes/schemes.api';
import { usePromotionList } from '../result-lists.api';
import {
  annualGrades,
  DEFAULT_PROMOTION_GRADE,
  DEFAULT_PROMOTION_YEARS,
  MAX_PROMOTION_YEARS,
  paramUnlessDefault,
  promotionGradeOptions,
  readPromotionQuery,
  reportCardPath,
  yearRangeText,
} from '../result-lists.model';
import { Control, CountControl, ListEmpty, listPagination, ListError, PersonCardHead, PersonLink } from './ListBits';

/** One year of the run: the annual period (opening his card on it), total and grade. */
function YearResult({ personId, result, grades, showYear }: { personId: PromotionItem['person']['id']; result: PromotionResult; grades: readonly string[]; showYear?: boolean }) {
  const { t } = useTranslation(undefined, { keyPrefix: 'resultLists' });
  return (
    <Flex gap={6} align="center" wrap className="rl-line" data-testid="promotion-year">
      {showYear ? <Typography.Text className="rl-year">{t('promotion.year', { year: result.year })}</Typography.Text> : null}
      <Typography.Text strong className="rl-score">
        {formatScore(result.total)}
      </Typography.Text>
      <GradeTag grade={result.grade} grades={grades} />
      <Link to={reportCardPath(personId, result.period.id)} className="rl-period-name" style={{ fontSize: 12 }}>
        {result.period.name}
      </Link>
    </Flex>
  );
}

/**
 * 推荐名单 / 晋升: people whose annual results carry a grade (default 优秀) in each of the last N years
 * (GET /api/result-lists/promotion), best latest total first.
 */
export function PromotionListTab() {
  const { t } = useTranslation(undefined, { keyPrefix: 'resultLists' });
  const isMobile = useIsMobile();
  const [params] = useSearchParams();
  const update = useSearchParamsUpdate();
  const query = useMemo(() => readPromotionQuery(params), [params]);
  const schemes = useSchemes();
  const list = usePromotionList(query);
  const gradeOptions = useMemo(() => promotionGradeOptions(schemes.data ?? [], query.grade), [schemes.data, query.grade]);
  const grades = useMemo(() => annualGrades(schemes.data ?? []), [schemes.data]);
  const data = list.data;
  const years = data?.years ?? [];
  const latestPeriodId = (item: PromotionItem) => item.results[item.results.length - 1]?.period.id;

  const controls = (
    <Flex gap={12} wrap className="rl-controls" data-testid="promotion-controls">
      <Control label={t('promotion.grade')}>
        <Select<string>
          value={query.grade}
          onChange={(v) => update({ grade: paramUnlessDefault(v, DEFAULT_PROMOTION_GRADE) })}
          options={gradeOptions.map((g) => ({ value: g, label: g }))}
          loading={schemes.isLoading}
          style={{ width: '100%' }}
          data-testid="promotion-grade"
        />
      </Control>
      <CountControl
        label={t('promotion.years')}
        value={query.years}
        max={MAX_PROMOTION_YEARS}
        one={t('promotion.yearsOne')}
        many={(k) => t('promotion.yearsOption', { n: k })}
        onChange={(k) => update({ years: paramUnlessDefault(k, DEFAULT_PROMOTION_YEARS) })}
        testId="promotion-years"
      />
    </Flex>
  );

  let body;
  if (list.isError) body = <ListError error={list.error} />;
  else if (!data) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (data.years.length === 0) {
    body = <ListEmpty text={t('promotion.noAnnual')} hint={t('promotion.noAnnualHint')} testId="promotion-no-annual" />;
  } else if (data.items.length === 0) {
    body = <ListEmpty text={t('promotion.empty', { n: data.years.length, grade: data.grade })} hint={t('promotion.emptyHint')} testId="promotion-empty" />;
  } else if (isMobile) {
    body = (
      <div className="mobile-card-list" data-testid="promotion-list">
        {data.items.map((item) => (
          <Card key={String(item.person.id)} size="small" className="mobile-card" data-testid="promotion-row">
            <Flex vertical gap={6}>
              <PersonCardHead person={item.person} periodId={latestPeriodId(item)} sub={item.unit.name} />
              <Flex vertical gap={4} className="rl-streak">
                {item.results.map((r) => (
                  <YearResult key={r.year} personId={item.person.id} result={r} grades={grades} showYear />
                ))}
              </Flex>
            </Flex>
          </Card>
        ))}
      </div>
    );
  } else {
    body = (
      <Card size="small">
        <Table<PromotionItem>
          size="small"
          rowKey={(r) => String(r.person.id)}
          dataSource={data.items}
          pagination={listPagination(data.items.length)}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="promotion-table"
          columns={[
            { key: 'name', title: t('name'), render: (_: unknown, r) => <PersonLink person={r.person} periodId={latestPeriodId(r)} /> },
            { key: 'unit', title: t('unit'), render: (_: unknown, r) => r.unit.name },
            ...years.map((year) => ({
              key: `year-${year}`,
              title: t('promotion.year', { year }),
              render: (_: unknown, r: PromotionItem) => {
                const result = r.results.find((x) => x.year === year);
                return result ? <YearResult personId={r.person.id} result={result} grades={grades} /> : '—';
              },
            })),
          ]}
        />
      </Card>
    );
  }

  return (
    <Flex vertical gap={12}>
      {controls}
      {years.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} data-testid="promotion-rule">
          {t('promotion.rule', { range: yearRangeText(years), years: years.length, grade: data?.grade ?? query.grade })}
        </Typography.Paragraph>
      ) : null}
      {data && data.items.length > 0 ? (
        <Typography.Text strong data-testid="promotion-count">
          {t('count', { count: data.items.length })}
        </Typography.Text>
      ) : null}
      {body}
    </Flex>
  );
}
