import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, Checkbox, DatePicker, Empty, Flex, Input, Select, Skeleton, Switch, Typography } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkLogKind } from '@baton/contract/worklogs';
import { WORK_LOG_KINDS } from '@baton/contract/vocabulary';
import dayjs, { type Dayjs } from 'dayjs';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { idOf } from '../../../shared/params';
import { can, useCurrentMe } from '../../auth/auth.api';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';
import { PersonPicker } from '../../people/components/PersonPicker';
import { EntryCard } from '../components/EntryCard';
import { WorkLogTabs } from '../components/WorkLogTabs';
import { useEntryParam } from '../useEntryParam';
import { useFeed, useLinkableIndicators, type FeedFilter } from '../worklogs.api';

const dateOrUndefined = (raw: string | null) => (raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined);
/** What the server takes as an indicator reference (1–200 characters). */
const INDICATOR_MAX = 200;

/**
 * 团队动态 (横向了解): the entries of one's unit — a leader's whole subtree — newest first, with
 * search (Chinese works server-side), filters, likes and, for leaders, comments and follow-up flags.
 */
export default function FeedPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const reviews = can(me, 'log.review') || can(me, 'log.oversee');
  // Someone who keeps a log picks one of his indicators by name; anyone may type a reference.
  const picksIndicator = Boolean(me.person) && can(me, 'log.write');
  const linkable = useLinkableIndicators(picksIndicator);
  const [params] = useSearchParams();
  const { openEntry } = useEntryParam();

  const q = params.get('q') ?? '';
  const kinds = params.getAll('kind').filter((k): k is WorkLogKind => (WORK_LOG_KINDS as readonly string[]).includes(k));
  const personId = idOf(params.get('person'));
  const personName = params.get('personName') ?? (personId !== null ? String(personId) : '');
  const unit = idOf(params.get('unit'));
  const indicator = params.get('indicator') ?? '';
  const from = dateOrUndefined(params.get('from'));
  const to = dateOrUndefined(params.get('to'));
  const flagged = params.get('flagged') === 'true';
  const [searchText, setSearchText] = useState(q);
  const [indicatorSearch, setIndicatorSearch] = useState('');
  useEffect(() => setSearchText(q), [q]);
  // His own indicators by name; whatever else is typed (a leader's team may be on another scheme,
  // a period may have ended) can still be looked for by its reference.
  const typed = indicatorSearch.trim();
  const indicatorFilterOptions = [
    ...(indicator && !linkable.data?.some((i) => i.ref === indicator) ? [{ value: indicator, label: indicator, search: indicator }] : []),
    ...(linkable.data ?? []).map((i) => ({ value: i.ref, label: i.name, search: `${i.name} ${i.ref}` })),
    ...(typed && typed.length <= INDICATOR_MAX && typed !== indicator && !linkable.data?.some((i) => i.ref === typed)
      ? [{ value: typed, label: t('worklogs.filterByReference', { ref: typed }), search: typed }]
      : []),
  ];
  const activeFilters = [personId !== null, kinds.length > 0, unit !== null, indicator !== '', from !== undefined || to !== undefined, flagged].filter(Boolean).length;
  const [filtersOpen, setFiltersOpen] = useState(!isMobile && activeFilters > 0);

  // kinds is a new array on every render: the filter is keyed on its joined value
  const kindsKey = kinds.join(',');
  const filter: FeedFilter = useMemo(
    () => ({
      q: q || undefined,
      person: personId ?? undefined,
      unit: unit ?? undefined,
      kinds: kindsKey ? (kindsKey.split(',') as WorkLogKind[]) : [],
      indicator: indicator || undefined,
      from,
      to,
      flagged,
    }),
    [q, personId, unit, kindsKey, indicator, from, to, flagged],
  );
  const feed = useFeed(filter);
  const items = useMemo(() => feed.data?.pages.flatMap((p) => p.items) ?? [], [feed.data]);

  const update = useSearchParamsUpdate();

  // the next page loads when the end of the list scrolls into view; the button stays for keyboards
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const range: [Dayjs | null, Dayjs | null] = [from ? dayjs(from) : null, to ? dayjs(to) : null];
  const filters = (
    <Card size="small" className="feed-filters" data-testid="feed-filters">
      <Flex vertical gap={10}>
        <Flex gap={8} wrap>
          <PersonPicker
            value={personId !== null ? { id: personId, name: personName } : null}
            onChange={(p) => update({ person: p ? String(p.id) : null, personName: p ? p.name : null })}
            placeholder={t('worklogs.filterPerson')}
            style={{ width: isMobile ? '100%' : 200 }}
          />
          {reviews ? (
            <UnitTreeSelect
              value={unit}
              onChange={(value) => update({ unit: value === null ? null : String(value) })}
              placeholder={t('worklogs.filterUnit')}
              style={{ width: isMobile ? '100%' : 220 }}
            />
          ) : null}
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'search', searchValue: indicatorSearch, onSearch: setIndicatorSearch }}
            value={indicator || undefined}
            onChange={(value?: string) => {
              update({ indicator: value ?? null });
              setIndicatorSearch('');
            }}
            options={indicatorFilterOptions}
            loading={linkable.isLoading}
            placeholder={t(picksIndicator ? 'worklogs.filterIndicator' : 'worklogs.filterIndicatorRef')}
            notFoundContent={null}
            style={{ width: isMobile ? '100%' : 200 }}
            data-testid="feed-indicator-filter"
          />
        </Flex>
        <Checkbox.Group
          value={kinds}
          onChange={(values) => update({ kind: values as string[] })}
          options={WORK_LOG_KINDS.map((k) => ({ value: k, label: t(`worklogs.kinds.${k}`) }))}
        />
        {isMobile ? (
          <Flex gap={8} align="center">
            <DatePicker
              value={range[0]}
              onChange={(d) => update({ from: d ? d.format('YYYY-MM-DD') : null })}
              placeholder={t('worklogs.from')}
              style={{ flex: 1 }}
              inputReadOnly
            />
            <span>–</span>
            <DatePicker
              value={range[1]}
              onChange={(d) => update({ to: d ? d.format('YYYY-MM-DD') : null })}
              placeholder={t('worklogs.to')}
              style={{ flex: 1 }}
              inputReadOnly
            />
          </Flex>
        ) : (
          <DatePicker.RangePicker
            value={range}
            allowEmpty={[true, true]}
            onChange={(values) => update({ from: values?.[0]?.format('YYYY-MM-DD') ?? null, to: values?.[1]?.format('YYYY-MM-DD') ?? null })}
            style={{ width: 280 }}
          />
        )}
        <Flex justify="space-between" align="center" wrap gap={8}>
          {reviews ? (
            <Flex gap={6} align="center">
              <Switch size="small" checked={flagged} onChange={(on) => update({ flagged: on ? 'true' : null })} />
              <span>{t('worklogs.flaggedOnly')}</span>
            </Flex>
          ) : (
            <span />
          )}
          <Button
            size="small"
            disabled={activeFilters === 0}
            onClick={() => update({ person: null, personName: null, unit: null, kind: null, indicator: null, from: null, to: null, flagged: null })}
          >
            {t('worklogs.clearFilters')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );

  return (
    <>
      {can(me, 'log.write') ? <WorkLogTabs /> : null}
      <PageHeader title={t('nav.feed')} subtitle={reviews ? t('worklogs.feedSubtitleLeader') : t('worklogs.feedSubtitle')} />
      <Flex vertical gap={12} className="feed-page">
        <Flex gap={8}>
          <Input.Search
            allowClear
            value={searchText}
            onChange={(e) => {
              setSearchText(e.target.value);
              if (e.target.value === '') update({ q: null });
            }}
            onSearch={(value) => update({ q: value.trim() || null })}
            placeholder={t('worklogs.searchPlaceholder')}
            maxLength={100}
            enterButton
            data-testid="feed-search"
            style={{ flex: 1 }}
          />
          <Badge count={activeFilters} size="small" color="#1f4e8c">
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(!filtersOpen)} aria-expanded={filtersOpen} data-testid="feed-filter-toggle">
              {isMobile ? null : t('worklogs.filters')}
            </Button>
          </Badge>
        </Flex>
        {filtersOpen ? filters : null}
        {feed.isError ? <Alert type="error" showIcon title={errorText(t, feed.error)} /> : null}
        {feed.isLoading ? <Skeleton active /> : null}
        {!feed.isLoading && items.length === 0 && !feed.isError ? (
          <Card size="small">
            <Empty description={q || activeFilters > 0 ? t('worklogs.feedNoMatch') : t('worklogs.feedEmpty')} />
          </Card>
        ) : null}
        <div className="entry-list" data-testid="feed">
          {items.map((entry) => (
            <EntryCard key={entry.id} entry={entry} onOpen={(e) => openEntry(e.id)} />
          ))}
        </div>
        <div ref={sentinel} />
        {items.length > 0 ? (
          <Flex justify="center" align="center" gap={8} vertical>
            {feed.hasNextPage ? (
              <Button onClick={() => void feed.fetchNextPage()} loading={feed.isFetchingNextPage} data-testid="feed-more">
                {t('worklogs.loadMore')}
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('worklogs.feedEnd', { count: items.length })}
              </Typography.Text>
            )}
          </Flex>
        ) : null}
      </Flex>
    </>
  );
}
