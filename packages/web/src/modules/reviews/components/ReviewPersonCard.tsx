import { memo, useMemo } from 'react';
import { Alert, Badge, Button, Card, Collapse, Flex, Input, InputNumber, Tag, Tooltip, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasQuotaTie, isFlagOfKind } from '@baton/engine';
import type { ResultPreview, ReviewIndicator, ReviewRow } from '@baton/contract/reviews';
import { formatScore } from '../../../shared/scores';
import { GradeTag } from '../../../shared/components/GradeTag';
import { FlagTags } from '../../../shared/components/FlagTags';
import { COMMENT_MAX, draftIssues, othersRatings, type PersonDraft, type RatingDraft } from '../reviews.model';
import { IndicatorLabel } from './ReviewBits';

export interface ReviewPersonCardProps {
  row: ReviewRow;
  indicators: ReviewIndicator[];
  draft: PersonDraft;
  dirty: boolean;
  preview: ResultPreview | null;
  grades: readonly string[];
  indicatorNames: ReadonlyMap<string, string>;
  canRate: boolean;
  /** In publicity: the person appealed and may be re-rated (复核). */
  appealPending?: boolean;
  saving: boolean;
  error: string | null;
  isMobile: boolean;
  onChange: (personId: number, indicator: string, field: keyof RatingDraft, value: string) => void;
  onSave: (personId: number) => void;
}

function PreviewLine({ preview, grades }: { preview: ResultPreview | null; grades: readonly string[] }) {
  const { t } = useTranslation();
  if (!preview) return <Typography.Text type="secondary">{t('reviews.sheet.noPreview')}</Typography.Text>;
  return (
    <span className="review-preview" data-testid="review-preview" data-total={preview.total} data-grade={preview.grade ?? ''}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reviews.sheet.preview')}
      </Typography.Text>
      <span className="review-preview-total" data-testid="review-preview-total">
        {formatScore(preview.total)}
      </span>
      <GradeTag grade={preview.grade} grades={grades} />
      {preview.groupRank !== null ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reviews.sheet.groupRank', { rank: preview.groupRank })}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/**
 * One person of the review sheet: his summary, one rating per leader-rated indicator (with a
 * comment, and the task for a dynamic one), the engine's live preview and his own save button.
 */
export const ReviewPersonCard = memo(function ReviewPersonCard({
  row,
  indicators,
  draft,
  dirty,
  preview,
  grades,
  indicatorNames,
  canRate,
  appealPending = false,
  saving,
  error,
  isMobile,
  onChange,
  onSave,
}: ReviewPersonCardProps) {
  const { t } = useTranslation();
  const person = row.person;
  const personId = Number(person.id);
  const summary = row.summary;
  const issues = useMemo(() => draftIssues(draft, indicators), [draft, indicators]);
  const hasIssues = Object.keys(issues).length > 0;
  const tie = hasQuotaTie(preview?.flags ?? []);
  const otherFlags = (preview?.flags ?? []).filter((f) => !isFlagOfKind(f, 'no-rating'));

  const summaryLabel = (
    <Flex gap={6} align="center" wrap>
      <span>{t('reviews.sheet.summary')}</span>
      {!summary ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="summary-missing">
          {t('reviews.sheet.summaryMissing')}
        </Tag>
      ) : summary.status === 'draft' ? (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>{t('reviews.sheet.summaryDraft')}</Tag>
      ) : (
        <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('reviews.summary.statusSubmitted')}</Tag>
      )}
      {summary?.late ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('reviews.summary.late')}</Tag> : null}
    </Flex>
  );

  return (
    <Card
      size="small"
      className={`review-card${dirty ? ' review-card-dirty' : ''}${tie ? ' review-card-tie' : ''}`}
      data-testid="review-card"
      data-person={personId}
      data-dirty={dirty ? 'true' : 'false'}
      data-appeal-pending={appealPending ? 'true' : undefined}
      title={
        <Flex gap={8} align="baseline" wrap style={{ minWidth: 0, padding: '6px 0' }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {person.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {person.unitName} · {person.employeeNo}
          </Typography.Text>
          {appealPending ? (
            <Tooltip title={t('reviews.sheet.appealPendingHint')}>
              <Tag color="orange" style={{ marginInlineEnd: 0, fontWeight: 400 }} data-testid="appeal-pending-tag">
                {t('reviews.sheet.appealPending')}
              </Tag>
            </Tooltip>
          ) : null}
          {dirty ? <Badge status="warning" text={<span style={{ fontSize: 12, fontWeight: 400 }}>{t('reviews.sheet.unsaved')}</span>} /> : null}
        </Flex>
      }
      extra={isMobile ? null : <PreviewLine preview={preview} grades={grades} />}
    >
      <Flex vertical gap={8}>
        {isMobile ? <PreviewLine preview={preview} grades={grades} /> : null}
        {otherFlags.length > 0 ? <FlagTags flags={otherFlags} names={indicatorNames} /> : null}
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'summary',
              label: summaryLabel,
              children: summary ? (
                <div className="review-summary-text" data-testid="review-summary-text">
                  {summary.content || t('reviews.sheet.summaryEmpty')}
                </div>
              ) : (
                <Typography.Text type="secondary">{t('reviews.sheet.summaryMissing')}</Typography.Text>
              ),
            },
          ]}
          style={{ marginInline: -8 }}
        />
        <div className="review-indicators">
          {indicators.map((indicator) => {
            const value = draft[indicator.id] ?? { rating: '', comment: '', task: '' };
            const issue = issues[indicator.id];
            const dynamic = indicator.kind === 'dynamic';
            return (
              <div key={indicator.id} className="review-indicator" data-testid="review-indicator" data-indicator={indicator.id}>
                <IndicatorLabel indicator={indicator} />
                <div className="review-inputs">
                  <div>
                    <InputNumber<string>
                      stringMode
                      step="0.5"
                      // as typed: no padding to the step's one decimal ("95" stays "95", not "95.0")
                      formatter={(v) => (v === undefined || v === null ? '' : String(v))}
                      value={value.rating === '' ? null : value.rating}
                      onChange={(v) => onChange(personId, indicator.id, 'rating', v ?? '')}
                      placeholder={t('reviews.sheet.ratingPlaceholder')}
                      status={issue && issue !== 'ratingRequired' ? 'error' : issue ? 'warning' : undefined}
                      disabled={!canRate}
                      inputMode="decimal"
                      aria-label={`${person.name} ${indicator.name || indicator.id} ${t('reviews.sheet.rating')}`}
                      style={{ width: '100%' }}
                      data-testid="rating-input"
                    />
                    {issue ? (
                      <div className="review-issue" data-testid="rating-issue">
                        {t(`reviews.sheet.issues.${issue}`)}
                      </div>
                    ) : null}
                    {othersRatings(row, indicator.id).map((r) => (
                      <Tooltip key={r.ratedBy} title={r.comment ?? undefined}>
                        <div className="review-other" data-testid="other-rating">
                          {t('reviews.sheet.othersRating', { name: r.raterName ?? r.ratedBy, rating: formatScore(r.rating) })}
                        </div>
                      </Tooltip>
                    ))}
                  </div>
                  {dynamic ? (
                    <Input
                      value={value.task}
                      onChange={(e) => onChange(personId, indicator.id, 'task', e.target.value)}
                      placeholder={t('reviews.sheet.task')}
                      title={t('reviews.sheet.taskHint')}
                      maxLength={COMMENT_MAX}
                      disabled={!canRate}
                      data-testid="task-input"
                    />
                  ) : null}
                  <Input.TextArea
                    value={value.comment}
                    onChange={(e) => onChange(personId, indicator.id, 'comment', e.target.value)}
                    placeholder={t('reviews.sheet.comment')}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={COMMENT_MAX}
                    disabled={!canRate}
                    data-testid="comment-input"
                  />
                </div>
              </div>
            );
          })}
        </div>
        {error ? <Alert type="error" showIcon title={error} data-testid="review-save-error" /> : null}
        {canRate ? (
          <Flex justify="flex-end">
            <Button
              type={dirty ? 'primary' : 'default'}
              icon={<SaveOutlined />}
              onClick={() => onSave(personId)}
              disabled={!dirty || hasIssues}
              loading={saving}
              data-testid="review-save"
            >
              {t('reviews.sheet.save')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
});
