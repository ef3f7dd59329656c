import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Card, Col, Drawer, Empty, Flex, Result, Row, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { CalendarOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@baton/engine';
import type { Period } from '@baton/contract/periods';
import type { ResultRow } from '@baton/contract/results';
import { isApiError } from '../../../api/client';
import { CursorPager } from '../../../shared/components/CursorPager';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useCursorStack } from '../../../shared/hooks/useCursorStack';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { idOf } from '../../../shared/params';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { errorText } from '../../../shared/errors';
import { formatScore } from '../../../shared/scores';
import { GradeTag } from '../../../shared/components/GradeTag';
import { FlagTags } from '../../../shared/components/FlagTags';
import { useAppeals } from '../../appeals/appeals.api';
import { AppealPanel } from '../../appeals/components/AppealPanel';
import { can, hasRole, useCurrentMe } from '../../auth/auth.api';
import { useScheme } from '../../schemes/schemes.api';
import { TieDecisionModal, type TieToDecide } from '../../committee/components/TieDecisionModal';
import { PERIOD_PAGE_ERRORS } from '../../periods/periods.errors';
import { usePeriod } from '../../periods/periods.api';
import { gradeNamesOf } from '../../schemes/schemes.model';
import { PeriodLine } from '../../periods/components/PeriodLine';
import { DistributionCard } from '../components/DistributionCard';
import { ResultDetail } from '../components/ResultDetail';
import { useResults, useResultVersions } from '../results.api';
import { resultsPublished } from '../results.model';
import '../results.css';

const PAGE_SIZE = 50;

/**
 * 考核结果. Admin and auditor: the committee view — before publicity the live preview, from
 * publicity on the published version (and earlier versions) — grade distribution against the quotas,
 * quota ties, the table, and each result down to its indicators. A leader in publicity sees his
 * subtrees the same way; a member sees his own result.
 */
export default function ResultsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { periodId: periodParam } = useParams();
  const periodId = idOf(periodParam);
  const period = usePeriod(periodId);

  if (periodId === null) return <Result status="404" title={t('periods.notFound')} />;
  const p = period.data;
  const overseer = hasRole(me, 'admin') || hasRole(me, 'auditor');
  const published = p ? resultsPublished(p.state) : false;
  const committee = overseer || (published && hasRole(me, 'leader'));

  return (
    <>
      <PageHeader title={t('results.title')} subtitle={p ? <PeriodLine period={p} /> : undefined} />
      {period.isError ? (
        <Result status={isApiError(period.error) && period.error.status === 404 ? '404' : 'error'} title={errorText(t, period.error, PERIOD_PAGE_ERRORS)} />
      ) : null}
      {period.isLoading ? <Skeleton active /> : null}
      {p ? (
        !published && !overseer ? (
          <Result
            status="info"
            title={t('results.notPublished')}
            subTitle={t('results.notPublishedText')}
            extra={
              can(me, 'review.rate') && p.state === 'reviewing' ? <Link to={`/periods/${p.id}/review`}>{t('periods.page.links.review')}</Link> : null
            }
            data-testid="results-not-published"
          />
        ) : committee ? (
          <CommitteeView period={p} canPickVersion={overseer && published} />
        ) : (
          <MyResultView period={p} />
        )
      ) : null}
    </>
  );
}

function useSchemeBits(period: Period) {
  const scheme = useScheme(period.schemeId);
  return useMemo(() => {
    const indicators = new Map<string, Indicator>((scheme.data?.definition.indicators ?? []).map((i) => [i.id, i]));
    return { indicators, grades: gradeNamesOf(scheme.data?.definition) };
  }, [scheme.data]);
}

function PublicityWindow({ period }: { period: Period }) {
  const { t } = useTranslation();
  if (!period.publicityStartsOn || !period.publicityEndsOn) return null;
  return (
    <Tag color="purple" icon={<CalendarOutlined />} style={{ marginInlineEnd: 0 }} data-testid="publicity-window">
      {t('results.publicityRange', { from: period.publicityStartsOn, to: period.publicityEndsOn })}
    </Tag>
  );
}

function CommitteeView({ period, canPickVersion }: { period: Period; canPickVersion: boolean }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [params] = useSearchParams();
  const group = params.get('group');
  const versionParam = idOf(params.get('version'));
  const versions = useResultVersions(period.id, canPickVersion);
  const { indicators, grades } = useSchemeBits(period);
  const pager = useCursorStack(`${group ?? ''}|${versionParam ?? ''}`);
  const results = useResults(period.id, { group, version: versionParam, cursor: pager.cursor, limit: PAGE_SIZE });
  // the distribution of every group stays on screen while the table is filtered to one
  const overview = useResults(period.id, { version: versionParam, limit: 1 }, group !== null);
  const [selected, setSelected] = useState<ResultRow | null>(null);
  // The committee decides ties while the period is being reviewed, and in publicity while an appeal
  // is pending (复核: the decision is published with the version the accepted appeal publishes).
  const me = useCurrentMe();
  const manages = can(me, 'period.manage');
  const pendingAppeals = useAppeals({ period: period.id, status: 'pending' }, null, 1, manages && period.state === 'publicity');
  const canDecide = manages && (period.state === 'reviewing' || (period.state === 'publicity' && (pendingAppeals.data?.items.length ?? 0) > 0));
  const [deciding, setDeciding] = useState<TieToDecide | null>(null);
  const data = results.data;
  // Seats a decision may give: those free now, plus those an earlier decision on this block holds.
  const decideTie = (tie: TieToDecide) => {
    const inBlock = new Set(tie.subjects.map((s) => String(s.id)));
    const decided = (data?.items ?? []).filter((r) => inBlock.has(String(r.subject.id)) && r.flags.includes(`tie-decision:${tie.grade}`)).length;
    setDeciding({ ...tie, freeSeats: tie.freeSeats === null ? null : tie.freeSeats + decided });
  };
  const distribution = (group !== null ? overview.data?.distribution : data?.distribution) ?? data?.distribution ?? [];
  const groupSizes = useMemo(() => new Map(distribution.map((d) => [d.group.key, d.size])), [distribution]);
  const names = useMemo(() => new Map([...indicators.values()].map((i) => [i.id, i.name ?? i.id])), [indicators]);
  const sectionIds = useMemo(() => {
    const ids = new Set<string>();
    for (const row of data?.items ?? []) for (const id of Object.keys(row.sections ?? {})) ids.add(id);
    // one default section is the total itself: no column for it
    return ids.size === 1 && ids.has('main') ? [] : [...ids];
  }, [data]);

  const update = useSearchParamsUpdate();

  const pickSubject = (id: number | string) => {
    const row = (data?.items ?? []).find((r) => String(r.subject.id) === String(id) || `p${r.subject.id}` === String(id));
    if (row) setSelected(row);
  };

  const versionList = versions.data ?? [];
  const shownVersion = data?.version ?? versionParam ?? period.resultVersion ?? null;

  return (
    <Flex vertical gap={12} className="period-page">
      {data?.live ? (
        <Alert type="warning" showIcon icon={<ExperimentOutlined />} title={<strong>{t('results.liveBanner')}</strong>} description={t('results.liveBannerText')} data-testid="results-live-banner" />
      ) : null}
      <Flex gap={8} align="center" wrap>
        <PublicityWindow period={period} />
        {shownVersion !== null && !data?.live ? (
          versionList.length > 1 ? (
            <Select<number>
              value={shownVersion}
              onChange={(v) => update({ version: v === period.resultVersion ? null : String(v) })}
              options={versionList.map((v) => ({
                value: v.version,
                label: `${t('results.versionN', { n: v.version })} · ${t(`results.versionReason.${v.reason}`, { defaultValue: v.reason })} · ${formatDateTime(v.createdAt).slice(0, 16)}`,
              }))}
              style={{ minWidth: 240 }}
              popupMatchSelectWidth={false}
              data-testid="results-version"
            />
          ) : (
            <Tag style={{ marginInlineEnd: 0 }} data-testid="results-version-tag">
              {t('results.publishedVersion', { n: shownVersion })}
            </Tag>
          )
        ) : null}
      </Flex>
      {results.isError ? <Alert type="error" showIcon title={errorText(t, results.error, PERIOD_PAGE_ERRORS)} /> : null}
      {results.isLoading ? <Skeleton active /> : null}

      {deciding ? <TieDecisionModal period={period.id} tie={deciding} onClose={() => setDeciding(null)} underAppeal={period.state === 'publicity'} /> : null}
      {distribution.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('results.distribution')}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {distribution.map((d) => (
              <Col key={d.group.key} xs={24} lg={distribution.length > 1 ? 12 : 24} xl={distribution.length > 2 ? 8 : distribution.length > 1 ? 12 : 24}>
                <DistributionCard group={d} isMobile={isMobile} onPickSubject={pickSubject} onDecide={canDecide ? decideTie : undefined} />
              </Col>
            ))}
          </Row>
        </>
      ) : null}

      {data ? (
        <Card
          size="small"
          title={t('results.title')}
          extra={
            distribution.length > 1 ? (
              <Select
                value={group ?? ''}
                onChange={(v: string) => update({ group: v === '' ? null : v })}
                options={[{ value: '', label: t('results.allGroups') }, ...distribution.map((d) => ({ value: d.group.key, label: d.group.name }))]}
                style={{ minWidth: isMobile ? 120 : 180 }}
                size="small"
                popupMatchSelectWidth={false}
                data-testid="results-group"
              />
            ) : null
          }
          styles={{ body: isMobile ? { padding: 8 } : undefined }}
        >
          {isMobile ? (
            <div className="mobile-card-list" data-testid="results-list">
              {data.items.length === 0 ? <Empty description={t('results.empty')} /> : null}
              {data.items.map((row) => (
                <Card key={String(row.subject.id)} size="small" className="mobile-card clickable-row" onClick={() => setSelected(row)} data-testid="results-row">
                  <Flex justify="space-between" align="center" gap={8}>
                    <div style={{ minWidth: 0 }}>
                      <Typography.Text strong>
                        {row.groupRank}. {row.subject.name}
                      </Typography.Text>
                      <div className="entry-sub">
                        {distribution.length > 1 ? `${row.subject.unitName} · ${row.group.name}` : row.subject.unitName}
                      </div>
                    </div>
                    <Flex align="center" gap={8}>
                      <Typography.Text strong style={{ fontSize: 16 }}>
                        {formatScore(row.total)}
                      </Typography.Text>
                      <GradeTag grade={row.grade} grades={grades} />
                    </Flex>
                  </Flex>
                  {row.flags.length > 0 ? (
                    <div style={{ marginTop: 6 }}>
                      <FlagTags flags={row.flags} names={names} />
                    </div>
                  ) : null}
                </Card>
              ))}
            </div>
          ) : (
            <Table<ResultRow>
              size="small"
              rowKey={(r) => String(r.subject.id)}
              dataSource={data.items}
              pagination={false}
              loading={results.isFetching && !results.isLoading}
              onRow={(row) => ({ onClick: () => setSelected(row), className: row.flags.some((f) => f.startsWith('quota-tie:')) ? 'clickable-row result-row-tie' : 'clickable-row' })}
              locale={{ emptyText: t('results.empty') }}
              scroll={{ x: 'max-content' }}
              data-testid="results-table"
              columns={[
                { key: 'rank', title: t('results.rank'), width: 64, align: 'right', render: (_: unknown, r) => r.rank },
                {
                  key: 'groupRank',
                  title: t('results.groupRank'),
                  width: 90,
                  align: 'right',
                  render: (_: unknown, r) => (
                    <span title={r.group.name}>
                      {r.groupRank}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {groupSizes.get(r.group.key) ? ` / ${groupSizes.get(r.group.key)}` : ''}
                      </Typography.Text>
                    </span>
                  ),
                },
                { key: 'name', title: t('results.name'), render: (_: unknown, r) => <Typography.Link>{r.subject.name}</Typography.Link> },
                { key: 'unit', title: t('results.unit'), render: (_: unknown, r) => r.subject.unitName },
                ...(distribution.length > 1 ? [{ key: 'group', title: t('results.group'), render: (_: unknown, r: ResultRow) => r.group.name }] : []),
                {
                  key: 'total',
                  title: t('results.total'),
                  align: 'right' as const,
                  render: (_: unknown, r: ResultRow) => <Typography.Text strong>{formatScore(r.total)}</Typography.Text>,
                },
                { key: 'grade', title: t('results.grade'), render: (_: unknown, r: ResultRow) => <GradeTag grade={r.grade} grades={grades} /> },
                { key: 'flags', title: t('results.flags'), render: (_: unknown, r: ResultRow) => <FlagTags flags={r.flags} names={names} /> },
                ...sectionIds.map((id) => ({
                  key: `section-${id}`,
                  title: sectionIds.length === 1 && id === 'main' ? t('results.sections') : id,
                  align: 'right' as const,
                  render: (_: unknown, r: ResultRow) => (r.sections?.[id] === undefined ? '—' : formatScore(r.sections[id])),
                })),
              ]}
            />
          )}
          <CursorPager
            pageNumber={pager.pageNumber}
            hasPrevious={pager.hasPrevious}
            nextCursor={data.nextCursor}
            busy={results.isFetching}
            onPrevious={pager.previous}
            onNext={pager.next}
            summary={group !== null && groupSizes.get(group) ? t('results.count2', { n: groupSizes.get(group) }) : undefined}
            testId="results-pager"
          />
        </Card>
      ) : null}

      <Drawer
        open={selected !== null}
        onClose={() => setSelected(null)}
        title={selected ? t('results.detailTitle', { name: selected.subject.name }) : ''}
        size={isMobile ? '100%' : 560}
        destroyOnHidden
        data-testid="result-drawer"
      >
        {selected ? (
          <>
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {selected.subject.unitName} · {selected.subject.employeeNo} · {t('results.overallRank', { rank: selected.rank })}
            </Typography.Paragraph>
            <ResultDetail row={selected} grades={grades} schemeIndicators={indicators} groupSize={groupSizes.get(selected.group.key) ?? null} compact={isMobile} />
          </>
        ) : null}
      </Drawer>
    </Flex>
  );
}

/** A member's own result during publicity and after: total, grade, rank in his group, and why. */
function MyResultView({ period }: { period: Period }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const results = useResults(period.id, { limit: 10 });
  const { indicators, grades } = useSchemeBits(period);
  const data = results.data;
  const mine = data?.items.find((r) => me.person && String(r.subject.id) === String(me.person.id)) ?? (data?.items.length === 1 ? data.items[0] : undefined);
  const groupSize = mine ? (data?.distribution.find((d) => d.group.key === mine.group.key)?.size ?? null) : null;

  return (
    <Flex vertical gap={12} className="period-page">
      <Flex gap={8} align="center" wrap>
        <PublicityWindow period={period} />
      </Flex>
      {results.isError ? <Alert type="error" showIcon title={errorText(t, results.error, PERIOD_PAGE_ERRORS)} /> : null}
      {results.isLoading ? <Skeleton active /> : null}
      {data && !mine ? <Result status="info" title={t('results.noOwnResult')} subTitle={t('results.noOwnResultText')} /> : null}
      {mine ? (
        <Card size="small" title={t('results.myResult')} styles={{ body: isMobile ? { padding: 12 } : undefined }} data-testid="my-result">
          <ResultDetail row={mine} grades={grades} schemeIndicators={indicators} groupSize={groupSize} compact />
        </Card>
      ) : null}
      {/* 申诉: his appeals of the period, and the form while the publicity window is open */}
      {mine ? <AppealPanel period={period} result={{ total: mine.total, grade: mine.grade }} /> : null}
    </Flex>
  );
}
