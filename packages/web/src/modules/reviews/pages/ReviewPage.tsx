import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Flex, Input, Result, Select, Skeleton, Switch, Typography } from 'antd';
import { CheckCircleOutlined, LoadingOutlined, SaveOutlined, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { periodAllows } from '@baton/engine';
import type { ResultPreview, ReviewRow, ReviewSheet } from '@baton/contract/reviews';
import { isApiError } from '../../../api/client';
import type { Id } from '../../../shared/params';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { idOf } from '../../../shared/params';
import { errorText } from '../../../shared/errors';
import { shanghaiToday } from '../../../shared/dates';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { can, useCurrentMe } from '../../auth/auth.api';
import { mayRateRow } from '../../appeals/appeals.model';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';
import { useScheme } from '../../schemes/schemes.api';
import { QuotaBar } from '../../results/components/QuotaBar';
import { tiesByGroup } from '../../results/results.model';
import { gradeNamesOf } from '../../schemes/schemes.model';
import { PeriodLine } from '../../periods/components/PeriodLine';
import { DueTag } from '../components/ReviewBits';
import { ReviewPersonCard } from '../components/ReviewPersonCard';
import { REVIEW_ERRORS } from '../reviews.errors';
import { saveReview, useRefreshSheet, useStoreReviewRow, useReviewPreview, useReviewSheet } from '../reviews.api';
import {
  buildPreviewRequest,
  buildSaveRatings,
  daysUntil,
  dirtyPersonIds,
  draftIssues,
  effectiveDraft,
  personKey,
  PREVIEW_DEBOUNCE_MS,
  previewsByPerson,
  savedDraftOf,
  type RatingDraft,
  type SheetDrafts,
} from '../reviews.model';
import '../reviews.css';

/**
 * 审核评鉴: a unit leader rates the people of a unit he leads on the scheme's leader-rated
 * indicators, reading their summaries, and sees the engine's grades and the quotas move as he
 * types (a debounced preview of the unsaved form); he saves person by person or all at once.
 */
export default function ReviewPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const { periodId: periodParam } = useParams();
  const periodId = idOf(periodParam);
  const [params, setParams] = useSearchParams();
  const unitParam = idOf(params.get('unit'));
  const sheet = useReviewSheet(periodId, unitParam);
  const { modal } = App.useApp();
  const [unsaved, setUnsaved] = useState(0);
  const ledUnits = me.ledUnits;
  const applyUnit = (unit: Id | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (unit === null) next.delete('unit');
        else next.set('unit', String(unit));
        return next;
      },
      { replace: true },
    );
  // another unit is another sheet: unsaved ratings of this one would be lost
  const setUnit = (unit: Id | null) => {
    if (unsaved === 0) return applyUnit(unit);
    modal.confirm({ title: t('reviews.sheet.leaveConfirm'), onOk: () => applyUnit(unit) });
  };

  if (periodId === null) return <Result status="404" title={t('periods.notFound')} />;
  const data = sheet.data;
  const currentUnit = data?.unit.id ?? unitParam;

  // a leader picks among the units of his subtrees; the tree is there when he may browse the organization
  const unitPicker = can(me, 'org.browse') ? (
    <UnitTreeSelect value={currentUnit} onChange={(v) => v !== null && setUnit(v)} allowClear={false} style={{ width: isMobile ? 'calc(100vw - 24px)' : 240 }} data-testid="review-unit" />
  ) : ledUnits.length > 1 ? (
    <Select
      value={currentUnit === null ? undefined : String(currentUnit)}
      onChange={(v: string) => setUnit(v)}
      options={ledUnits.map((u) => ({ value: String(u.id), label: u.name }))}
      style={{ width: isMobile ? 'calc(100vw - 24px)' : 240 }}
      data-testid="review-unit"
    />
  ) : null;

  return (
    <>
      <PageHeader title={t('reviews.sheet.title')} subtitle={data ? <PeriodLine period={data.period} /> : undefined} extra={unitPicker} />
      {sheet.isError ? (
        isApiError(sheet.error) && sheet.error.status === 404 && !data ? (
          <Result status="404" title={errorText(t, sheet.error, REVIEW_ERRORS)} />
        ) : (
          <Alert type="error" showIcon title={errorText(t, sheet.error, REVIEW_ERRORS)} style={{ marginBottom: 12 }} />
        )
      ) : null}
      {sheet.isLoading ? <Skeleton active /> : null}
      {data ? <ReviewSheetView key={`${data.unit.id}`} periodId={periodId} unitParam={unitParam} sheet={data} refreshing={sheet.isFetching} isMobile={isMobile} onUnsaved={setUnsaved} /> : null}
    </>
  );
}

function ReviewSheetView({
  periodId,
  unitParam,
  sheet,
  refreshing,
  isMobile,
  onUnsaved,
}: {
  periodId: number;
  unitParam: number | null;
  sheet: ReviewSheet;
  refreshing: boolean;
  isMobile: boolean;
  onUnsaved: (count: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshSheet(periodId);
  const storeRow = useStoreReviewRow(periodId, unitParam);
  const scheme = useScheme(sheet.period.schemeId);
  const grades = useMemo(() => {
    const fromScheme = gradeNamesOf(scheme.data?.definition);
    return fromScheme.length > 0 ? fromScheme : (sheet.quota[0]?.grades.map((g) => g.name) ?? []);
  }, [scheme.data, sheet.quota]);
  const indicatorNames = useMemo(() => new Map((scheme.data?.definition.indicators ?? []).map((i) => [i.id, i.name ?? i.id])), [scheme.data]);
  // the contract's ReviewIndicator has no name: take it from the scheme when there is one
  const indicators = useMemo(
    () => sheet.indicators.map((i) => ({ ...i, name: i.name ?? (indicatorNames.get(i.id) !== i.id ? indicatorNames.get(i.id) : undefined) })),
    [sheet.indicators, indicatorNames],
  );
  const rows = sheet.people;
  const [drafts, setDrafts] = useState<SheetDrafts>({});
  const [saving, setSaving] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [onlyUnsaved, setOnlyUnsaved] = useState(false);
  const [search, setSearch] = useState('');
  const today = shanghaiToday();

  const dueDays = daysUntil(sheet.period.reviewDueOn, today);
  const windowClosed = dueDays !== null && dueDays < 0;
  // The people the caller rates (a leader his, the organization department those no leader rates);
  // 复核: in review every such row until the deadline; in publicity only the people with a pending appeal
  const rateable = useCallback(
    (row: ReviewRow) => row.rateable && mayRateRow({ state: sheet.period.state, reviewWindowClosed: windowClosed, appealPending: row.appealPending }),
    [sheet.period.state, windowClosed],
  );
  // what the state allows: rating (until the deadline), or re-rating appellants (复核)
  const rating = periodAllows(sheet.period.state, 'rate');
  const reRating = periodAllows(sheet.period.state, 'reRateAppellant');
  const appealMode = reRating && rows.some((row) => row.appealPending);
  const canRateAny = rows.some(rateable);

  // the form values of every person, one stable object each until he is touched (the cards are memoised)
  const savedDrafts = useMemo(() => new Map(rows.map((r) => [personKey(r.person.id), savedDraftOf(r, indicators)])), [rows, indicators]);
  const dirtyIds = useMemo(() => dirtyPersonIds(rows, drafts, indicators), [rows, drafts, indicators]);
  const dirtySet = useMemo(() => new Set(dirtyIds), [dirtyIds]);

  // the preview of the unsaved form, asked for 300 ms after the last keystroke
  const previewBody = useMemo(
    () => (dirtyIds.length > 0 ? JSON.stringify(buildPreviewRequest(unitParam ?? sheet.unit.id, rows, drafts, indicators)) : null),
    [dirtyIds.length, unitParam, sheet.unit.id, rows, drafts, indicators],
  );
  const debouncedBody = useDebouncedValue(previewBody, PREVIEW_DEBOUNCE_MS);
  const preview = useReviewPreview(periodId, debouncedBody);
  const previewActive = debouncedBody !== null && previewBody !== null;
  const previewData = previewActive ? preview.data : undefined;
  const stale = previewBody !== null && (previewBody !== debouncedBody || preview.isFetching);
  // a card re-renders only when its own preview changed (the server sends new objects every time)
  const previewCache = useRef(new Map<string, { json: string; value: ResultPreview | null }>());
  const previews = useMemo(() => {
    const fresh = previewsByPerson(rows, previewData);
    const stable = new Map<string, ResultPreview | null>();
    for (const [key, value] of fresh) {
      const json = JSON.stringify(value);
      const cached = previewCache.current.get(key);
      if (cached && cached.json === json) stable.set(key, cached.value);
      else {
        previewCache.current.set(key, { json, value });
        stable.set(key, value);
      }
    }
    return stable;
  }, [rows, previewData]);
  const quota = previewData?.quota ?? sheet.quota;
  const ties = useMemo(() => tiesByGroup(previews.values()), [previews]);

  useEffect(() => onUnsaved(dirtyIds.length), [dirtyIds.length, onUnsaved]);
  useEffect(() => {
    if (dirtyIds.length === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirtyIds.length]);

  const onChange = useCallback(
    (personId: number, indicator: string, field: keyof RatingDraft, value: string) => {
      const key = personKey(personId);
      setDrafts((prev) => {
        const row = rows.find((r) => personKey(r.person.id) === key);
        if (!row) return prev;
        const base = prev[key] ?? savedDraftOf(row, indicators);
        const current = base[indicator] ?? { rating: '', comment: '', task: '' };
        return { ...prev, [key]: { ...base, [indicator]: { ...current, [field]: value } } };
      });
      setErrors((prev) => {
        if (!(key in prev)) return prev;
        const next = { ...prev };
        delete next[key];
        return next;
      });
    },
    [rows, indicators],
  );

  // the latest state for the save handlers, which stay the same functions across keystrokes
  const latest = useRef({ rows, drafts, indicators, dirtyIds });
  latest.current = { rows, drafts, indicators, dirtyIds };

  /** Saves one person; true when saved. The sheet's previews are refreshed by the caller. */
  const saveOne = async (personId: string): Promise<boolean> => {
    const { rows, drafts, indicators } = latest.current;
    const row = rows.find((r) => personKey(r.person.id) === personId);
    if (!row) return false;
    const draft = effectiveDraft(row, drafts, indicators);
    if (Object.keys(draftIssues(draft, indicators)).length > 0) return false;
    setSaving((prev) => new Set(prev).add(personId));
    try {
      const saved = await saveReview(periodId, personId, buildSaveRatings(draft, indicators));
      storeRow(saved);
      setDrafts((prev) => {
        const next = { ...prev };
        // keep what was typed after the save began
        if (next[personId] === drafts[personId]) delete next[personId];
        return next;
      });
      return true;
    } catch (error) {
      setErrors((prev) => ({ ...prev, [personId]: errorText(t, error, REVIEW_ERRORS) }));
      return false;
    } finally {
      setSaving((prev) => {
        const next = new Set(prev);
        next.delete(personId);
        return next;
      });
    }
  };

  const onSave = useCallback(async (personId: number) => {
    const ok = await saveOne(personKey(personId));
    await refresh();
    const name = latest.current.rows.find((r) => personKey(r.person.id) === personKey(personId))?.person.name ?? '';
    if (ok) void message.success(t('reviews.sheet.savedOne', { name }));
  }, [refresh, message, t]);
  const onSaveCard = useCallback((personId: number) => void onSave(personId), [onSave]);

  const onSaveAll = async () => {
    let saved = 0;
    let failed = 0;
    for (const id of latest.current.dirtyIds) {
      if (await saveOne(id)) saved += 1;
      else failed += 1;
    }
    await refresh();
    if (failed > 0) void message.error(t('reviews.sheet.saveFailedSome', { n: failed }));
    else if (saved > 0) void message.success(t('reviews.sheet.savedAll', { n: saved }));
  };

  const shown = rows.filter(
    (row) =>
      (!onlyUnsaved || dirtySet.has(personKey(row.person.id))) &&
      (search.trim() === '' || row.person.name.includes(search.trim()) || row.person.employeeNo.includes(search.trim())),
  );
  // the people the caller rates now come first — in publicity those to re-rate, for the organization
  // department those no leader rates (the sort is stable: the sheet's order otherwise)
  shown.sort((a, b) => Number(rateable(b)) - Number(rateable(a)));
  const savingAll = saving.size > 0;

  return (
    <Flex vertical gap={12} className="period-page">
      <Flex gap={8} wrap align="center">
        {/* the countdown matters only while ratings are being given */}
        {rating ? <DueTag label={t('reviews.deadline.reviewDue')} dueOn={sheet.period.reviewDueOn} today={today} testId="review-due" /> : null}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {sheet.unit.name} · {t('reviews.sheet.people', { n: rows.length })}
        </Typography.Text>
      </Flex>
      {rating && rows.some((row) => row.rateable) && rows.some((row) => !row.rateable) ? (
        <Alert type="info" showIcon title={t('reviews.sheet.partialRater')} data-testid="review-partial-rater" />
      ) : null}
      {appealMode ? (
        <Alert type="warning" showIcon title={t('reviews.sheet.appealMode')} data-testid="review-appeal-mode" />
      ) : !rating ? (
        <Alert type="info" showIcon title={t('reviews.sheet.readOnlyState', { state: t(`periods.shortState.${sheet.period.state}`) })} data-testid="review-readonly" />
      ) : windowClosed ? (
        <Alert type="warning" showIcon title={t('reviews.sheet.windowClosed')} />
      ) : null}
      {indicators.length === 0 ? <Alert type="warning" showIcon title={t('reviews.sheet.noIndicators')} data-testid="review-no-indicators" /> : null}
      {indicators.length === 0 ? null : (
        <>
          <Card
            size="small"
            className="review-sticky"
            title={
              <Flex gap={8} align="center" wrap style={{ padding: '4px 0' }}>
                <span>{t('reviews.sheet.quotaTitle')}</span>
                {stale ? <LoadingOutlined style={{ color: '#1f4e8c' }} data-testid="preview-busy" /> : null}
                {!isMobile ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                    {t('reviews.sheet.quotaHint')}
                  </Typography.Text>
                ) : null}
              </Flex>
            }
            extra={
              canRateAny ? (
                <Button
                  type="primary"
                  size={isMobile ? 'small' : 'middle'}
                  icon={<SaveOutlined />}
                  disabled={dirtyIds.length === 0 || savingAll}
                  loading={savingAll}
                  onClick={() => void onSaveAll()}
                  data-testid="review-save-all"
                >
                  {dirtyIds.length > 0 ? t('reviews.sheet.saveAllCount', { n: dirtyIds.length }) : t('reviews.sheet.saveAll')}
                </Button>
              ) : null
            }
            styles={{ body: { padding: isMobile ? 8 : 12 } }}
          >
            <QuotaBar groups={quota} ties={ties} stale={stale} />
            {[...ties.values()].flatMap((grades) => [...grades]).filter((g, i, all) => all.indexOf(g) === i).map((grade) => (
              <Typography.Text key={grade} style={{ display: 'block', fontSize: 12, color: '#ad4e00', marginTop: 6 }} data-testid="quota-tie-hint">
                <WarningFilled style={{ color: '#fa8c16', marginInlineEnd: 4 }} />
                {t('results.quota.tieHint', { grade })}
              </Typography.Text>
            ))}
            {preview.isError && previewActive ? (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('reviews.sheet.previewFailed', { message: errorText(t, preview.error, REVIEW_ERRORS) })}
              </Typography.Text>
            ) : null}
            <div style={{ marginTop: 6, fontSize: 12 }} data-testid="review-dirty-count" data-count={dirtyIds.length}>
              {dirtyIds.length > 0 ? (
                <Typography.Text type="warning">{t('reviews.sheet.unsavedCount', { n: dirtyIds.length })}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">
                  <CheckCircleOutlined /> {t('reviews.sheet.allSaved')}
                  {refreshing ? <LoadingOutlined style={{ marginInlineStart: 6 }} /> : null}
                </Typography.Text>
              )}
            </div>
          </Card>

          {rows.length > 6 || onlyUnsaved ? (
            <Flex gap={12} align="center" wrap>
              <Input.Search allowClear placeholder={t('reviews.sheet.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: isMobile ? '100%' : 220 }} />
              <Flex gap={6} align="center">
                <Switch size="small" checked={onlyUnsaved} onChange={setOnlyUnsaved} />
                <Typography.Text>{t('reviews.sheet.onlyUnsaved')}</Typography.Text>
              </Flex>
            </Flex>
          ) : null}

          {rows.length === 0 ? <Empty description={t('reviews.sheet.noPeople')} /> : null}
          <Flex vertical gap={10} className={stale ? 'review-list-stale' : undefined}>
            {shown.map((row) => {
              const key = personKey(row.person.id);
              return (
                <ReviewPersonCard
                  key={key}
                  row={row}
                  indicators={indicators}
                  draft={drafts[key] ?? savedDrafts.get(key) ?? effectiveDraft(row, drafts, indicators)}
                  dirty={dirtySet.has(key)}
                  preview={previews.get(key) ?? null}
                  grades={grades}
                  indicatorNames={indicatorNames}
                  canRate={rateable(row)}
                  appealPending={reRating && row.appealPending}
                  saving={saving.has(key)}
                  error={errors[key] ?? null}
                  isMobile={isMobile}
                  onChange={onChange}
                  onSave={onSaveCard}
                />
              );
            })}
          </Flex>
        </>
      )}
    </Flex>
  );
}
