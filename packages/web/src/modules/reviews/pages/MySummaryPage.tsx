import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Collapse, Flex, Input, Result, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { periodAllows } from '@baton/engine';
import type { PeriodState } from '@baton/contract/periods';
import type { MySummary } from '@baton/contract/reviews';
import { isApiError } from '../../../api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { idOf } from '../../../shared/params';
import { errorText, fieldErrorOf } from '../../../shared/errors';
import { shanghaiToday } from '../../../shared/dates';
import { usePeriod } from '../../periods/periods.api';
import { PeriodLine } from '../../periods/components/PeriodLine';
import { DueTag } from '../components/ReviewBits';
import { DigestPanel } from '../components/DigestPanel';
import { REVIEW_ERRORS } from '../reviews.errors';
import { useMySummary, useSaveSummary, useSubmitSummary } from '../reviews.api';
import { SUMMARY_MAX, daysUntil } from '../reviews.model';
import '../reviews.css';

/**
 * 我的小结: the member writes his personal summary for the period — on his phone, mostly. It starts
 * from a text pre-filled from his work log; a draft can be saved any number of times, a submitted
 * summary is final.
 */
export default function MySummaryPage() {
  const { t } = useTranslation();
  const { periodId: periodParam } = useParams();
  const periodId = idOf(periodParam);
  const period = usePeriod(periodId);
  const mine = useMySummary(periodId);

  if (periodId === null) return <Result status="404" title={t('periods.notFound')} />;
  if (mine.isError && isApiError(mine.error) && mine.error.status === 404) {
    return <Result status="info" title={t('reviews.summary.notParticipant')} subTitle={t('reviews.summary.notParticipantText')} data-testid="summary-not-participant" />;
  }
  return (
    <>
      <PageHeader title={t('reviews.summary.title')} subtitle={period.data ? <PeriodLine period={period.data} /> : undefined} />
      {mine.isError ? <Alert type="error" showIcon title={errorText(t, mine.error, REVIEW_ERRORS)} style={{ marginBottom: 12 }} /> : null}
      {period.isError ? <Alert type="error" showIcon title={errorText(t, period.error, REVIEW_ERRORS)} style={{ marginBottom: 12 }} /> : null}
      {mine.isLoading || period.isLoading ? <Skeleton active /> : null}
      {mine.data && period.data ? <SummaryEditor periodId={periodId} state={period.data.state} dueOn={period.data.summaryDueOn ?? null} data={mine.data} /> : null}
    </>
  );
}

function SummaryEditor({ periodId, state, dueOn, data }: { periodId: number; state: PeriodState; dueOn: string | null; data: MySummary }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const save = useSaveSummary(periodId);
  const submit = useSubmitSummary(periodId);
  const summary = data.summary;
  const initial = summary ? summary.content : data.prefill;
  const [text, setText] = useState(initial);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const today = shanghaiToday();
  // a personal summary is written while the period is open or reviewing (the engine's writeSummary)
  const writable = periodAllows(state, 'writeSummary');
  const submitted = summary?.status === 'submitted';
  const editable = writable && !submitted;
  // unsaved: differs from the stored summary (or, before the first save, from nothing stored at all)
  const dirty = editable && (summary ? text !== summary.content : true);
  const overdue = (daysUntil(dueOn, today) ?? 0) < 0;

  useEffect(() => {
    if (!dirty || !summary) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, summary]);

  const check = (): boolean => {
    if (text.trim() === '') {
      setFieldError(t('reviews.summary.empty'));
      return false;
    }
    if (text.length > SUMMARY_MAX) {
      setFieldError(t('reviews.summary.tooLong', { max: SUMMARY_MAX }));
      return false;
    }
    setFieldError(null);
    return true;
  };

  const onError = (error: unknown) => {
    const content = fieldErrorOf(error, 'content');
    if (content) setFieldError(content);
    else setActionError(error);
  };

  const onSave = () => {
    setActionError(null);
    if (!check()) return;
    save.mutate(text, {
      onSuccess: () => void message.success(t('reviews.summary.draftSaved')),
      onError,
    });
  };

  const onSubmit = () => {
    setActionError(null);
    if (!check()) return;
    modal.confirm({
      title: t('reviews.summary.submitConfirmTitle'),
      content: overdue ? `${t('reviews.summary.submitConfirmText')} ${t('reviews.summary.lateHint')}` : t('reviews.summary.submitConfirmText'),
      okText: t('reviews.summary.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        submit.mutateAsync(text).then(
          () => void message.success(t('reviews.summary.submitted')),
          (error: unknown) => onError(error),
        ),
    });
  };

  const statusTag = !summary ? (
    <Tag style={{ marginInlineEnd: 0 }}>{t('reviews.summary.statusNone')}</Tag>
  ) : submitted ? (
    <Tag color="green" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }}>
      {t('reviews.summary.statusSubmitted')}
    </Tag>
  ) : (
    <Tag color="gold" icon={<EditOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('reviews.summary.statusDraft')}
    </Tag>
  );

  return (
    <Flex vertical gap={12} className="period-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Flex gap={6} align="center" wrap data-testid="summary-status" data-status={summary?.status ?? 'none'}>
            {statusTag}
            {summary?.late ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('reviews.summary.late')}</Tag> : null}
            {summary ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {submitted && summary.submittedAt
                  ? t('reviews.summary.submittedAt', { time: formatDateTime(summary.submittedAt) })
                  : t('reviews.summary.savedAt', { time: formatDateTime(summary.updatedAt) })}
              </Typography.Text>
            ) : null}
          </Flex>
          {editable ? <DueTag label={t('reviews.deadline.summaryDue')} dueOn={dueOn} today={today} testId="summary-due" /> : null}
        </Flex>
      </Card>

      {!writable ? (
        <Alert type="info" showIcon title={t('reviews.summary.readOnlyState', { state: t(`periods.shortState.${state}`) })} />
      ) : submitted ? (
        <Alert type="success" showIcon title={t('reviews.summary.finalText')} />
      ) : !summary ? (
        <Alert type="info" showIcon title={t('reviews.summary.prefilled')} data-testid="summary-prefilled" />
      ) : null}
      {editable && overdue ? <Alert type="warning" showIcon title={t('reviews.summary.lateHint')} /> : null}

      {data.digest && !submitted ? (
        <Collapse
          size="small"
          // on a phone the text comes first; the digest's headline numbers stay in the label
          defaultActiveKey={summary || isMobile ? [] : ['digest']}
          items={[
            {
              key: 'digest',
              label: (
                <Flex gap={6} wrap align="baseline">
                  <span>{t('reviews.summary.digestTitle')}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      t('reviews.summary.digestEntries', { n: data.digest.entries }),
                      t('reviews.summary.digestMissed', { n: data.digest.missedDays.length }),
                      t('reviews.summary.digestComments', { n: data.digest.comments.length }),
                    ].join(' · ')}
                  </Typography.Text>
                </Flex>
              ),
              children: <DigestPanel digest={data.digest} />,
            },
          ]}
          data-testid="summary-digest"
        />
      ) : null}

      <Card size="small" styles={{ body: { padding: 10 } }}>
        {editable ? (
          <>
            <Input.TextArea
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (fieldError) setFieldError(null);
              }}
              autoSize={{ minRows: 10, maxRows: 28 }}
              maxLength={SUMMARY_MAX}
              showCount
              placeholder={t('reviews.summary.placeholder')}
              status={fieldError ? 'error' : undefined}
              className="summary-text"
              data-testid="summary-content"
            />
            {fieldError ? (
              <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }} data-testid="summary-field-error">
                {fieldError}
              </Typography.Text>
            ) : null}
          </>
        ) : (
          <div className="entry-text summary-readonly" data-testid="summary-readonly">
            {summary?.content ?? data.prefill}
          </div>
        )}
      </Card>

      {actionError ? <Alert type="error" showIcon title={errorText(t, actionError, REVIEW_ERRORS)} closable onClose={() => setActionError(null)} data-testid="summary-error" /> : null}

      {editable ? (
        <Flex gap={8} justify="flex-end" align="center" wrap className="summary-actions">
          {dirty && summary ? (
            <Typography.Text type="warning" style={{ marginInlineEnd: 'auto' }} data-testid="summary-unsaved">
              {t('reviews.summary.unsaved')}
            </Typography.Text>
          ) : null}
          <Button onClick={onSave} loading={save.isPending} disabled={submit.isPending || (!!summary && !dirty)} data-testid="summary-save">
            {t('reviews.summary.saveDraft')}
          </Button>
          <Button type="primary" icon={<SendOutlined />} onClick={onSubmit} loading={submit.isPending} disabled={save.isPending} data-testid="summary-submit">
            {t('reviews.summary.submit')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
