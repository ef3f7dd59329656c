import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkLogSummary } from '@baton/contract/worklogs';
import { WORK_LOG_KINDS } from '@baton/contract/vocabulary';

/**
 * The work-log digest the summary was pre-filled from, compactly: counts by kind, days logged and
 * missed, linked indicators, and the leaders' comments (the first few, in full on the 我的汇总 page).
 */
export function DigestPanel({ digest }: { digest: WorkLogSummary }) {
  const { t } = useTranslation();
  const comments = digest.comments.slice(0, 3);
  return (
    <Flex vertical gap={8} data-testid="digest">
      <Flex gap={6} wrap>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('reviews.summary.digestEntries', { n: digest.entries })}</Tag>
        {WORK_LOG_KINDS.map((kind) => (
          <Tag key={kind} variant="filled" style={{ marginInlineEnd: 0 }}>
            {t(`worklogs.kinds.${kind}`)} {digest.byKind[kind] ?? 0}
          </Tag>
        ))}
      </Flex>
      <Flex gap={6} wrap>
        <Tag variant="filled" style={{ marginInlineEnd: 0 }}>{t('reviews.summary.digestDays', { logged: digest.daysLogged, working: digest.workingDays })}</Tag>
        <Tag color={digest.missedDays.length > 0 ? 'red' : 'default'} variant="filled" style={{ marginInlineEnd: 0 }}>
          {t('reviews.summary.digestMissed', { n: digest.missedDays.length })}
        </Tag>
        {digest.lateEntries > 0 ? <Tag variant="filled" style={{ marginInlineEnd: 0 }}>{t('reviews.summary.digestLate', { n: digest.lateEntries })}</Tag> : null}
        <Tag color={digest.comments.length > 0 ? 'gold' : 'default'} variant="filled" style={{ marginInlineEnd: 0 }}>
          {t('reviews.summary.digestComments', { n: digest.comments.length })}
        </Tag>
      </Flex>
      {digest.indicators.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reviews.summary.digestIndicators')}：{digest.indicators.slice(0, 6).map((i) => `${i.name ?? i.indicator} × ${i.entries}`).join('，')}
          {digest.indicators.length > 6 ? ` …（${digest.indicators.length}）` : ''}
        </Typography.Text>
      ) : null}
      {comments.length > 0 ? (
        <Flex vertical gap={6}>
          {comments.map((c) => (
            <div key={c.id} className="comment comment-leader">
              <Typography.Text strong style={{ fontSize: 13 }}>
                {c.author.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {c.logDate}
              </Typography.Text>
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '…' }} style={{ margin: 0, fontSize: 13 }}>
                {c.content}
              </Typography.Paragraph>
            </div>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
