import { useState, type CSSProperties } from 'react';
import { Button, Flex, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Appeal, AppealChange, AppealResult, AppealStatus } from '@baton/contract/appeals';
import type { Attachment } from '@baton/contract/attachments';
import { formatDateTime } from '../../../shared/format';
import { formatScore } from '../../../shared/scores';
import { AttachmentList } from '../../../shared/components/AttachmentList';
import { actorName, APPEAL_STATUS_COLORS, describeChanges, splitRankOnly, type ChangeView, type ResultField } from '../appeals.model';

export function AppealStatusTag({ status }: { status: AppealStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPEAL_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="appeal-status" data-status={status}>
      {t(`appeals.statuses.${status}`)}
    </Tag>
  );
}

/** "总分 88 · 较好 · 组内第 2 名". */
export function AppealResultLine({ result, testId }: { result: AppealResult | null; testId?: string }) {
  const { t } = useTranslation();
  if (!result) return <Typography.Text type="secondary">—</Typography.Text>;
  const values = { total: formatScore(result.total), grade: result.grade ?? '—', rank: result.groupRank ?? '—' };
  return (
    <span data-testid={testId} data-total={result.total} data-grade={result.grade ?? ''}>
      {result.groupRank === null ? t('appeals.item.resultLineNoRank', values) : t('appeals.item.resultLine', values)}
    </span>
  );
}

/** An appeal's evidence: image thumbnails (tap to enlarge) and links to the PDFs, each at its url. */
export function AppealAttachments({ attachments, size = 56 }: { attachments: Attachment[]; size?: number }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return <Typography.Text type="secondary">{t('appeals.item.noAttachments')}</Typography.Text>;
  return <AttachmentList attachments={attachments} size={size} />;
}

/**
 * The admin's decision on an appeal: who and when, the note, and for an accepted one the new result
 * version. `own`: shown to the person who appealed (his panel), not to those who decide.
 */
export function AppealDecisionBlock({ appeal, own = false, style }: { appeal: Appeal; own?: boolean; style?: CSSProperties }) {
  const { t } = useTranslation();
  const decision = appeal.decision;
  if (!decision) return null;
  return (
    <div className={`appeal-decision appeal-decision-${appeal.status}`} style={style} data-testid="appeal-decision">
      <div className="appeal-label">
        {t('appeals.item.decision')} · {t('appeals.item.decidedBy', { name: actorName(decision.decidedBy), time: formatDateTime(decision.decidedAt).slice(0, 16) })}
      </div>
      <div className="appeal-reason" data-testid="appeal-decision-note">
        {decision.note}
      </div>
      {appeal.status === 'accepted' && decision.resultVersion !== null ? (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('appeals.item.newVersion', { version: decision.resultVersion })}：</Typography.Text>
          {decision.result ? (
            <Typography.Text strong>
              <AppealResultLine result={decision.result} testId="appeal-new-result" />
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t(own ? 'appeals.item.noNewResult' : 'appeals.item.noNewResultOfPerson')}</Typography.Text>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** Rank-only changes shown at once up to this many; beyond, behind a button. */
const RANK_ONLY_SHOWN = 5;

function ChangeRow({ view }: { view: ChangeView }) {
  const { t } = useTranslation();
  const label = (field: ResultField) => t(`appeals.fields.${field}`);
  return (
    <div className="appeal-change" data-testid="appeal-change" data-person={view.personId ?? undefined}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{view.name}</Typography.Text>
        {view.kind === 'entered' ? <Tag style={{ marginInlineEnd: 0 }}>{t('appeals.drawer.changeEntered')}</Tag> : null}
        {view.kind === 'left' ? <Tag style={{ marginInlineEnd: 0 }}>{t('appeals.drawer.changeLeft')}</Tag> : null}
      </Flex>
      <Flex gap={4} wrap className="appeal-change-diffs">
        {view.diffs.map((d) => (
          <span key={d.field} className="appeal-diff" data-field={d.field}>
            <span className="appeal-diff-label">{label(d.field)}</span> {d.before} <ArrowRightOutlined style={{ fontSize: 10 }} /> <strong>{d.after}</strong>
          </span>
        ))}
      </Flex>
    </div>
  );
}

/**
 * What an accepted appeal changed: one row a person whose total, grade or group rank moved between the
 * version appealed and the one published — "李明 总分 88 → 92 · 等次 较好 → 好". Those who only moved
 * in rank (someone passed them) come last, folded when there are many.
 */
export function ChangesList({ changes, appellantId }: { changes: AppealChange[]; appellantId?: number }) {
  const { t } = useTranslation();
  const [unfolded, setUnfolded] = useState(false);
  const views = describeChanges(changes, formatScore, appellantId);
  if (views.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="appeal-changes-none">
        {t('appeals.drawer.changesNone')}
      </Typography.Text>
    );
  }
  const { major, rankOnly } = splitRankOnly(views);
  const folded = rankOnly.length > RANK_ONLY_SHOWN && !unfolded;
  return (
    <Flex vertical gap={6} data-testid="appeal-changes" data-count={views.length}>
      {major.map((view, index) => (
        <ChangeRow key={view.personId ?? `_${index}`} view={view} />
      ))}
      {folded ? (
        <Button size="small" type="link" style={{ alignSelf: 'flex-start', paddingInline: 0 }} onClick={() => setUnfolded(true)} data-testid="appeal-changes-more">
          {t('appeals.drawer.rankOnlyMore', { n: rankOnly.length })}
        </Button>
      ) : (
        rankOnly.map((view, index) => <ChangeRow key={view.personId ?? `_r${index}`} view={view} />)
      )}
    </Flex>
  );
}
