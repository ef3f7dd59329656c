import type { ReactNode } from 'react';
import { Avatar, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, FlagFilled, LinkOutlined, LockOutlined, MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '@baton/contract/worklogs';
import dayjs from 'dayjs';
import { AttachmentList } from '../../../shared/components/AttachmentList';
import { formatDay, formatMinutes } from '../worklogs.model';
import { EntryContent } from './EntryContent';
import { KindTag } from './KindTag';
import { LikeButton } from './LikeButton';

/** 补报 / 需跟进 / 已冻结 · 可编辑至 … — the states of an entry a reader needs at a glance. */
export function EntryBadges({ entry, showEditable = false }: { entry: LogEntry; showEditable?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {entry.late ? (
        <Tooltip title={t('worklogs.lateHint')}>
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="late-tag">
            {t('worklogs.late')}
          </Tag>
        </Tooltip>
      ) : null}
      {entry.openFlag ? (
        <Tooltip title={`${entry.openFlag.flaggedBy}：${entry.openFlag.note}`}>
          <Tag color="red" icon={<FlagFilled />} style={{ marginInlineEnd: 0 }} data-testid="flag-badge">
            {t('worklogs.flagged')}
          </Tag>
        </Tooltip>
      ) : null}
      {showEditable ? (
        entry.frozen ? (
          <Tag icon={<LockOutlined />} style={{ marginInlineEnd: 0 }} data-testid="frozen-tag">
            {t('worklogs.frozen')}
          </Tag>
        ) : entry.can.edit ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="editable-until">
            {t('worklogs.editableUntil', { at: dayjs(entry.editableUntil).format('M-D HH:mm') })}
          </Typography.Text>
        ) : null
      ) : null}
    </>
  );
}

interface EntryCardProps {
  entry: LogEntry;
  /** In someone's own list the author is obvious; the team feed shows who wrote it. */
  showAuthor?: boolean;
  showDate?: boolean;
  showEditable?: boolean;
  onOpen?: (entry: LogEntry) => void;
  /** Buttons at the right of the footer (edit …). */
  actions?: ReactNode;
}

export function EntryCard({ entry, showAuthor = true, showDate = true, showEditable = false, onOpen, actions }: EntryCardProps) {
  const { t } = useTranslation();
  const meta = [
    entry.indicator ? (
      <span key="indicator" className="entry-meta-item">
        <LinkOutlined /> {t('worklogs.indicatorShort')} {entry.indicatorName ?? <span className="mono">{entry.indicator}</span>}
      </span>
    ) : null,
    entry.task ? (
      <span key="task" className="entry-meta-item">
        <LinkOutlined /> {t('worklogs.taskShort')} <span className="mono">{entry.task}</span>
      </span>
    ) : null,
    entry.minutes ? (
      <span key="minutes" className="entry-meta-item">
        <ClockCircleOutlined /> {formatMinutes(t, entry.minutes)}
      </span>
    ) : null,
  ].filter(Boolean);

  return (
    <Card
      size="small"
      className={`entry-card${onOpen ? ' clickable-row' : ''}`}
      onClick={onOpen ? () => onOpen(entry) : undefined}
      data-testid="entry-card"
      data-entry-id={entry.id}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        {showAuthor ? (
          <Flex gap={8} align="center" style={{ minWidth: 0 }}>
            <Avatar size={32} style={{ background: '#1f4e8c', flex: 'none' }}>
              {entry.author.name.slice(-2)}
            </Avatar>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong data-testid="entry-author">
                {entry.author.name}
              </Typography.Text>
              <div className="entry-sub" title={entry.author.unitName}>
                {showDate ? `${formatDay(t, entry.date)} · ` : ''}
                {entry.author.unitName}
              </div>
            </div>
          </Flex>
        ) : showDate ? (
          <Typography.Text strong>{formatDay(t, entry.date)}</Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('worklogs.writtenAt', { at: dayjs(entry.createdAt).format('HH:mm') })}
          </Typography.Text>
        )}
        <KindTag kind={entry.kind} />
      </Flex>
      <Flex gap={6} wrap align="center" style={{ marginTop: 6 }} className="entry-badges">
        <EntryBadges entry={entry} showEditable={showEditable} />
      </Flex>
      <div style={{ marginTop: 6 }}>
        <EntryContent text={entry.content} clampLines={onOpen ? 6 : undefined} />
      </div>
      {entry.attachments.length > 0 ? (
        <div style={{ marginTop: 8 }}>
          <AttachmentList attachments={entry.attachments} />
        </div>
      ) : null}
      {meta.length > 0 ? (
        <Flex gap={12} wrap className="entry-meta" style={{ marginTop: 8 }}>
          {meta}
        </Flex>
      ) : null}
      <Flex justify="space-between" align="center" className="entry-footer">
        <Flex gap={4} align="center">
          <LikeButton entry={entry} />
          <span className="entry-stat" data-testid="comment-count" aria-label={t('worklogs.comments', { count: entry.commentCount })}>
            <MessageOutlined /> {entry.commentCount}
          </span>
        </Flex>
        {actions ? (
          <Flex gap={4} onClick={(e) => e.stopPropagation()}>
            {actions}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
