import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Card, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningItem, WarningPeriod } from '@baton/contract/result-lists';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { formatScore } from '../../../shared/scores';
import { GradeTag } from '../../../shared/components/GradeTag';
import { useSchemes } from '../../schemes/schemes.api';
import { useWarningList } from '../result-lists.api';
import {
  countBySchemes,
  DEFAULT_WARNING_PERIODS,
  gradesOfCode,
  groupOptionsOf,
  groupWorthNaming,
  latestPeriodOf,
  MAX_WARNING_PERIODS,
  paramUnlessDefault,
  readWarningQuery,
  reportCardPath,
  schemeCodeOptions,
} from '../result-lists.model';
import { Control, CountControl, ListEmpty, listPagination, ListError, PersonCardHead, PersonLink } from './ListBits';

/** One period of the streak: its name (opening his card on it), total, grade and place in the group. */
function StreakPeriod({ personId, period, grades, compact }: { personId: WarningItem['person']['id']; period: WarningPeriod; grades: readonly string[]; compact?: boolean }) {
  const { t } = useTranslation(undefined, { keyPrefix: 'resultLists' });
  return (
    <Flex gap={6} align="center" wrap className="rl-line" data-testid="warning-period">
      <Link to={reportCardPath(personId, period.id)} className="rl-period-name">
        {period.name}
      </Link>
      <Typography.Text strong className="rl-score">
        {formatScore(period.total)}
      </Typography.Text>
      <GradeTag grade={period.grade} grades={grades} />
      <Typography.Text type="danger" style={{ fontSize: 12 }} className="nowrap">
        {compact ? t('warning.rankShort', { rank: period.groupRank, size: period.groupSize }) : t('warning.rank', { rank: period.groupRank, size: period.groupSize })}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 约谈提醒: people last in their ranking group in each of the last N closed, published periods of a
 * scheme code (GET /api/result-lists/warning, the engine's findConsecutiveLaggards).
 */
export function WarningListTab() {
  const { t } = useTranslation(undefined, { keyPrefix: 'resultLists' });
  const isMobile = useIsMobile();
  const [params] = useSearchParams();
  const update = useSearchParamsUpdate();
  const query = useMemo(() => readWarningQuery(params), [params]);
  const schemes = useSchemes();
  const list = useWarningList(query);
  // the group choices come from the list without a group filter (the same request when none is set)
  const unfiltered = useWarningList({ ...query, group: null }, query.group !== null);
  const groups = useMemo(() => groupOptionsOf((query.group === null ? list.data : unfiltered.data)?.items ?? [], query.group), [list.data, unfiltered.data, query.group]);
  const codes = useMemo(() => schemeCodeOptions(schemes.data ?? []), [schemes.data]);
  const gradesOf = useMemo(() => {
    const cache = new Map<string, string[]>();
    return (code: string) => {
      if (!cache.has(code)) cache.set(code, gradesOfCode(schemes.data ?? [], code));
      return cache.get(code)!;
    };
  }, [schemes.data]);
  const data = list.data;
  const n = data?.periods ?? query.periods;
  const bySchemes = useMemo(() => countBySchemes(data?.items ?? []), [data]);

  const controls = (
    <Flex gap={12} wrap className="rl-controls" data-testid="warning-controls">
      <Control label={t('warning.scheme')} wide>
        <Select<string>
          value={query.scheme ?? ''}
          onChange={(v) => update({ scheme: v === '' ? null : v, group: null })}
          options={[
            { value: '', label: t('warning.allRoutine') },
            ...codes.map((c) => ({ value: c.code, label: t('schemeOption', { name: c.name, code: c.code }) })),
            // an address naming a code this list does not know (yet) still shows it
            ...(query.scheme !== null && !codes.some((c) => c.code === query.scheme) ? [{ value: query.scheme, label: query.scheme }] : []),
          ]}
          loading={schemes.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
          data-testid="warning-scheme"
        />
      </Control>
      <Control label={t('warning.group')}>
        <Select<string>
          value={query.group ?? ''}
          onChange={(v) => update({ group: v === '' ? null : v })}
          options={[{ value: '', label: t('warning.allGroups') }, ...groups.map((g) => ({ value: g.key, label: g.name }))]}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
          data-testid="warning-group"
        />
      </Control>
      <CountControl
        label={t('warning.periods')}
        value={query.periods}
        max={MAX_WARNING_PERIODS}
        one={t('warning.periodsOne')}
        many={(k) => t('warning.periodsOption', { n: k })}
        onChange={(k) => update({ periods: paramUnlessDefault(k, DEFAULT_WARNING_PERIODS) })}
        testId="warning-periods"
      />
    </Flex>
  );

  let body;
  if (list.isError) body = <ListError error={list.error} />;
  else if (!data) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (data.items.length === 0) {
    body = <ListEmpty text={t('warning.empty', { n })} hint={t('warning.emptyHint', { n })} testId="warning-empty" />;
  } else if (isMobile) {
    body = (
      <div className="mobile-card-list" data-testid="warning-list">
        {data.items.map((item) => {
          const latest = latestPeriodOf(item.periods);
          return (
            <Card key={`${item.scheme.code}/${item.person.id}`} size="small" className="mobile-card" data-testid="warning-row">
              <Flex vertical gap={6}>
                <PersonCardHead person={item.person} periodId={latest?.id} sub={[item.unit.name, groupWorthNaming(item.group)].filter(Boolean).join(' · ')} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.scheme.name}
                </Typography.Text>
                <Flex vertical gap={4} className="rl-streak">
                  {item.periods.map((p) => (
                    <StreakPeriod key={String(p.id)} personId={item.person.id} period={p} grades={gradesOf(item.scheme.code)} compact />
                  ))}
                </Flex>
              </Flex>
            </Card>
          );
        })}
      </div>
    );
  } else {
    body = (
      <Card size="small">
        <Table<WarningItem>
          size="small"
          rowKey={(r) => `${r.scheme.code}/${r.person.id}`}
          dataSource={data.items}
          pagination={listPagination(data.items.length)}
          loading={list.isFetching}
          data-testid="warning-table"
          columns={[
            { key: 'name', title: t('name'), render: (_: unknown, r) => <PersonLink person={r.person} periodId={latestPeriodOf(r.periods)?.id} /> },
            { key: 'unit', title: t('unit'), render: (_: unknown, r) => r.unit.name },
            {
              key: 'scheme',
              title: t('warning.schemeGroup'),
              render: (_: unknown, r) => (
                <Flex vertical gap={0}>
                  <span>{r.scheme.name}</span>
                  {groupWorthNaming(r.group) ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {groupWorthNaming(r.group)}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'streak',
              title: t('warning.streak'),
              width: '45%',
              render: (_: unknown, r) => (
                <Flex vertical gap={2}>
                  {r.periods.map((p) => (
                    <StreakPeriod key={String(p.id)} personId={r.person.id} period={p} grades={gradesOf(r.scheme.code)} />
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    );
  }

  return (
    <Flex vertical gap={12}>
      {controls}
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} data-testid="warning-rule">
        {t('warning.rule', { n })}
      </Typography.Paragraph>
      {data && data.items.length > 0 ? (
        <Flex gap={6} wrap align="center" data-testid="warning-count">
          <Typography.Text strong>{t('count', { count: data.items.length })}</Typography.Text>
          {bySchemes.length > 1
            ? bySchemes.map((s) => (
                <Tag key={s.code} style={{ marginInlineEnd: 0 }}>
                  {t('warning.bySchemes', { name: s.name, count: s.count })}
                </Tag>
              ))
            : null}
        </Flex>
      ) : null}
      {body}
    </Flex>
  );
}
