import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Empty, Flex, Select, Skeleton, Table, Tooltip, Typography } from 'antd';
import { ArrowRightOutlined, EditOutlined, EyeOutlined, FileTextOutlined, FormOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { nextPeriodState, PERIOD_STATES } from '@baton/engine';
import type { Period, PeriodState, PeriodView } from '@baton/contract/periods';
import type { Scheme } from '@baton/contract/schemes';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { can, useCurrentMe } from '../../auth/auth.api';
import { useSchemes } from '../../schemes/schemes.api';
import { CreatePeriodDrawer } from '../components/CreatePeriodDrawer';
import { EditPeriodModal } from '../components/EditPeriodModal';
import { PeriodStateFlow, PeriodStateTag } from '../components/PeriodStateTag';
import { TransitionModal } from '../components/TransitionModal';
import { usePeriods } from '../periods.api';
import { periodLinksOf, type PeriodLinkKind } from '../period-links.model';

const LINK_ICONS: Record<PeriodLinkKind, ReactNode> = {
  summary: <EditOutlined />,
  review: <FileTextOutlined />,
  results: <TrophyOutlined />,
  preview: <EyeOutlined />,
};

function PeriodLinks({ period, block }: { period: PeriodView; block?: boolean }) {
  const { t } = useTranslation();
  const links = periodLinksOf(period);
  if (links.length === 0) return <Typography.Text type="secondary">{t('periods.page.noActions')}</Typography.Text>;
  return (
    <Flex gap={6} wrap>
      {links.map((link) => {
        const button = (
          <Link key={link.kind} to={link.path} data-testid={`period-link-${link.kind}`} style={block ? { flex: '1 1 auto' } : undefined}>
            <Button size="small" type={link.kind === 'preview' ? 'dashed' : 'default'} icon={LINK_ICONS[link.kind]} block={block}>
              {t(`periods.page.links.${link.kind}`)}
            </Button>
          </Link>
        );
        return link.kind === 'preview' ? (
          <Tooltip key={link.kind} title={t('periods.page.previewHint')}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
    </Flex>
  );
}

function Deadlines({ period }: { period: Period }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (period.summaryDueOn) lines.push(t('periods.page.summaryDue', { date: formatDate(period.summaryDueOn) }));
  if (period.reviewDueOn) lines.push(t('periods.page.reviewDue', { date: formatDate(period.reviewDueOn) }));
  if (period.publicityStartsOn && period.publicityEndsOn) {
    lines.push(t('periods.page.publicity', { from: formatDate(period.publicityStartsOn), to: formatDate(period.publicityEndsOn) }));
  }
  if (lines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {lines.map((line) => (
        <Typography.Text key={line} style={{ fontSize: 12 }} className="nowrap">
          {line}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function SchemeName({ period, linked, schemes }: { period: Period; linked: boolean; schemes: readonly Scheme[] | undefined }) {
  const { t } = useTranslation();
  // versions of one code often share a name: say which one the period froze
  const version = schemes?.find((s) => s.id === period.schemeId)?.version;
  const label = version !== undefined ? t('schemes.list.nameWithVersion', { name: period.schemeName, version }) : period.schemeName;
  return linked ? <Link to={`/schemes/${encodeURIComponent(String(period.schemeId))}`}>{label}</Link> : <span>{label}</span>;
}

/**
 * 考核周期: every period with its state in the flow draft → open → reviewing → publicity →
 * closed, and the pages of the period the caller may use (his summary, the review sheet, the
 * results) as the server allows them (`period.can`). The admin also creates periods, edits them
 * and moves them to the next stage.
 */
export default function PeriodsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const manages = can(me, 'period.manage');
  const readsSchemes = can(me, 'scheme.manage') || can(me, 'results.export');
  const periods = usePeriods();
  // versions for the scheme column; the drawer's scheme select opens at once for the admin
  const schemes = useSchemes(readsSchemes);
  const [creating, setCreating] = useState(false);
  const [advancing, setAdvancing] = useState<PeriodView | null>(null);
  const [editing, setEditing] = useState<PeriodView | null>(null);
  const [stateFilter, setStateFilter] = useState<PeriodState | null>(null);

  const rows = useMemo(() => (periods.data ?? []).filter((p) => stateFilter === null || p.state === stateFilter), [periods.data, stateFilter]);

  const advanceButton = (period: PeriodView, block = false) => {
    const next = nextPeriodState(period.state);
    if (!period.can.advance || !next) return null;
    return (
      <Button size="small" type="primary" ghost icon={<ArrowRightOutlined />} onClick={() => setAdvancing(period)} block={block} data-testid={`period-advance-${period.id}`}>
        {t('periods.page.advanceTo', { state: t(`periods.state.${next}`) })}
      </Button>
    );
  };

  const editButton = (period: PeriodView, block = false) =>
    period.can.edit ? (
      <Tooltip title={block ? undefined : t('periods.page.edit.buttonHint')}>
        <Button size="small" icon={<FormOutlined />} onClick={() => setEditing(period)} block={block} data-testid={`period-edit-${period.id}`}>
          {t('periods.page.edit.button')}
        </Button>
      </Tooltip>
    ) : null;

  /** The admin's buttons of a period: move it on, edit it (none once closed). */
  const manageButtons = (period: PeriodView, block = false) => {
    const advance = advanceButton(period, block);
    const edit = editButton(period, block);
    if (!advance && !edit) return null;
    return (
      <Flex gap={6} wrap={false} style={block ? { width: '100%' } : undefined}>
        {advance ? <div style={block ? { flex: '1 1 0', minWidth: 0 } : undefined}>{advance}</div> : null}
        {edit ? <div style={block ? { flex: advance ? '0 0 auto' : '1 1 0', minWidth: 0 } : undefined}>{edit}</div> : null}
      </Flex>
    );
  };

  const scopeText = (period: Period) => period.scope?.unitName ?? t('periods.page.wholeOrg');

  const filter = (
    <Select<PeriodState | null>
      value={stateFilter}
      onChange={setStateFilter}
      options={[{ value: null, label: t('periods.page.filterState') }, ...PERIOD_STATES.map((s) => ({ value: s, label: t(`periods.state.${s}`) }))]}
      style={{ width: isMobile ? '100%' : 160 }}
      data-testid="period-state-filter"
    />
  );

  let body: ReactNode;
  if (periods.isLoading) body = <Skeleton active />;
  else if (periods.isError) body = <Alert type="error" showIcon title={t('periods.page.loadFailed')} description={errorText(t, periods.error)} />;
  else if (rows.length === 0) body = <Empty description={t('periods.page.empty')} />;
  else if (isMobile) {
    body = (
      <div className="mobile-card-list" data-testid="period-cards">
        {rows.map((period) => (
          <Card key={period.id} size="small" className="mobile-card" data-testid={`period-card-${period.id}`}>
            <Flex vertical gap={8}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Typography.Text strong style={{ fontSize: 15 }}>
                  {period.name}
                </Typography.Text>
                <PeriodStateTag state={period.state} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t(`periods.kind.${period.kind}`)} · {formatDate(period.startsOn)} ~ {formatDate(period.endsOn)}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 13 }}>
                <SchemeName period={period} linked={readsSchemes} schemes={schemes.data} /> · {scopeText(period)}
              </Typography.Text>
              {period.tierPeriod ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`period-tier-${period.id}`}>
                  {t('periods.page.tierPeriod', { name: period.tierPeriod.name })}
                </Typography.Text>
              ) : null}
              {period.summaryDueOn || period.reviewDueOn || period.publicityEndsOn ? <Deadlines period={period} /> : null}
              <PeriodLinks period={period} block />
              {manageButtons(period, true)}
            </Flex>
          </Card>
        ))}
      </div>
    );
  } else {
    body = (
      <Card size="small">
        <Table<PeriodView>
          rowKey="id"
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          size="middle"
          data-testid="period-table"
          columns={[
            {
              title: t('periods.page.name'),
              key: 'name',
              render: (_, p) => (
                <Flex vertical gap={2}>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`periods.kind.${p.kind}`)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('periods.page.dates'),
              key: 'dates',
              render: (_, p) => (
                <span className="nowrap">
                  {formatDate(p.startsOn)} ~ {formatDate(p.endsOn)}
                </span>
              ),
            },
            {
              title: t('periods.page.scheme'),
              key: 'scheme',
              render: (_, p) => (
                <Flex vertical gap={2}>
                  <SchemeName period={p} linked={readsSchemes} schemes={schemes.data} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {scopeText(p)}
                  </Typography.Text>
                  {p.tierPeriod ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`period-tier-${p.id}`}>
                      {t('periods.page.tierPeriod', { name: p.tierPeriod.name })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            { title: t('periods.page.state'), key: 'state', render: (_, p) => <PeriodStateTag state={p.state} /> },
            { title: <span className="nowrap">{t('periods.page.deadlines')}</span>, key: 'deadlines', render: (_, p) => <Deadlines period={p} /> },
            {
              title: t('periods.page.actions'),
              key: 'actions',
              render: (_, p) => (
                <Flex vertical gap={6} align="flex-start">
                  <PeriodLinks period={p} />
                  {manageButtons(p)}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title={t('periods.title')}
        subtitle={<PeriodStateFlow />}
        extra={
          manages ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="period-new">
              {t('periods.page.newPeriod')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={12}>
        {(periods.data?.length ?? 0) > 5 ? <Flex>{filter}</Flex> : null}
        {body}
      </Flex>
      {manages ? <CreatePeriodDrawer open={creating} onClose={() => setCreating(false)} /> : null}
      <TransitionModal period={advancing} onClose={() => setAdvancing(null)} />
      {manages ? <EditPeriodModal period={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
