import { useEffect, useState } from 'react';
import { Alert, App, Avatar, Button, Divider, Drawer, Empty, Flex, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import { CheckOutlined, ClockCircleOutlined, EditOutlined, FlagOutlined, LinkOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LogDetail, LogFlag } from '@baton/contract/worklogs';
import dayjs from 'dayjs';
import { errorText } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { AttachmentList } from '../../../shared/components/AttachmentList';
import { can, useCurrentMe } from '../../auth/auth.api';
import { useAddComment, useFlagLog, useLogDetail, useRemoveAttachment, useResolveFlag } from '../worklogs.api';
import { COMMENT_MAX, FLAG_NOTE_MAX, formatDay, formatMinutes } from '../worklogs.model';
import { useEntryParam } from '../useEntryParam';
import { useServerToday } from '../worklog-reports.api';
import { EditEntryModal } from './EditEntryModal';
import { EntryBadges } from './EntryCard';
import { EntryContent } from './EntryContent';
import { KindTag } from './KindTag';
import { LikeButton } from './LikeButton';

function FlagItem({ entry, flag }: { entry: LogDetail; flag: LogFlag }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const resolve = useResolveFlag();
  const open = flag.resolvedAt === null;
  return (
    <div className={`flag-item ${open ? 'flag-open' : 'flag-resolved'}`} data-testid="flag-item">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>
            {open ? t('worklogs.flagOpenBy', { name: flag.flaggedBy }) : t('worklogs.flagResolvedBy', { name: flag.resolvedBy ?? '—' })}
          </Typography.Text>
          <EntryContent text={flag.note} testId="flag-note" />
          {flag.resolutionNote ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('worklogs.resolutionNote')}：{flag.resolutionNote}
            </Typography.Text>
          ) : null}
          <div className="entry-sub">{formatDateTime(open ? flag.createdAt : flag.resolvedAt)}</div>
        </div>
        {open && entry.can.flag ? (
          <Button
            size="small"
            icon={<CheckOutlined />}
            data-testid="resolve-flag"
            onClick={() => {
              let note = '';
              modal.confirm({
                title: t('worklogs.resolveFlagTitle'),
                content: (
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 5 }}
                    maxLength={FLAG_NOTE_MAX}
                    placeholder={t('worklogs.resolutionPlaceholder')}
                    onChange={(e) => (note = e.target.value)}
                  />
                ),
                okText: t('worklogs.resolveFlag'),
                onOk: () =>
                  resolve
                    .mutateAsync({ logId: entry.id, flagId: flag.id, note: note.trim() || undefined })
                    .then(() => void message.success(t('worklogs.flagResolved')))
                    .catch((error: unknown) => {
                      void message.error(errorText(t, error));
                    }),
              });
            }}
          >
            {t('worklogs.resolveFlag')}
          </Button>
        ) : null}
      </Flex>
    </div>
  );
}

function FlagModal({ entryId, open, onClose }: { entryId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const flag = useFlagLog();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={open}
      title={t('worklogs.flagTitle')}
      onCancel={onClose}
      okText={t('worklogs.flag')}
      okButtonProps={{ danger: true, loading: flag.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {flag.isError ? <Alert type="error" showIcon title={errorText(t, flag.error)} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          flag.mutate(
            { logId: entryId, note: values.note.trim() },
            {
              onSuccess: () => {
                void message.success(t('worklogs.flaggedDone'));
                form.resetFields();
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="note"
          label={t('worklogs.flagNote')}
          rules={[{ required: true, whitespace: true, message: t('worklogs.flagNoteRequired') }]}
          extra={t('worklogs.flagHint')}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={FLAG_NOTE_MAX} showCount placeholder={t('worklogs.flagPlaceholder')} data-testid="flag-note-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CommentBox({ entry }: { entry: LogDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddComment();
  const me = useCurrentMe();
  const [text, setText] = useState('');
  useEffect(() => setText(''), [entry.id]);
  // the author answers the comments on his entry; leaders comment
  const isReply = me.person !== null && entry.author.personId === Number(me.person.id);
  const send = () => {
    const content = text.trim();
    if (!content) return;
    add.mutate(
      { logId: entry.id, content },
      {
        onSuccess: () => {
          setText('');
          void message.success(isReply ? t('worklogs.replied') : t('worklogs.commented'));
        },
        onError: (error) => void message.error(errorText(t, error)),
      },
    );
  };
  return (
    <Flex vertical gap={8} className="comment-box">
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={COMMENT_MAX}
        placeholder={isReply ? t('worklogs.replyPlaceholder') : t('worklogs.commentPlaceholder')}
        data-testid="comment-input"
      />
      <Flex justify="flex-end">
        <Button type="primary" icon={<SendOutlined />} onClick={send} loading={add.isPending} disabled={!text.trim()} data-testid="comment-submit">
          {isReply ? t('worklogs.reply') : t('worklogs.comment')}
        </Button>
      </Flex>
    </Flex>
  );
}

function EntryDetail({ entry }: { entry: LogDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const today = useServerToday(can(me, 'log.write'));
  const [editing, setEditing] = useState(false);
  const [flagging, setFlagging] = useState(false);
  const remove = useRemoveAttachment();
  const history = entry.flags.filter((f) => f.resolvedAt !== null);
  const open = entry.flags.filter((f) => f.resolvedAt === null);

  return (
    <Flex vertical gap={12} data-testid="entry-detail">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Flex gap={10} align="center" style={{ minWidth: 0 }}>
          <Avatar size={40} style={{ background: '#1f4e8c', flex: 'none' }}>
            {entry.author.name.slice(-2)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {entry.author.name}
            </Typography.Text>
            <div className="entry-sub">
              {formatDay(t, entry.date)} · {entry.author.unitName}
            </div>
          </div>
        </Flex>
        <KindTag kind={entry.kind} />
      </Flex>
      <Flex gap={6} wrap align="center">
        <EntryBadges entry={entry} showEditable />
      </Flex>
      <EntryContent text={entry.content} testId="entry-detail-content" />
      <AttachmentList
        attachments={entry.attachments}
        size={88}
        onRemove={
          entry.can.edit
            ? (a) => remove.mutate(a.id, { onError: (error) => void message.error(errorText(t, error)) })
            : undefined
        }
      />
      <Flex vertical gap={4} className="entry-meta">
        {entry.indicator ? (
          <span>
            <LinkOutlined /> {t('worklogs.indicator')}：{entry.indicatorName ?? <span className="mono">{entry.indicator}</span>}
          </span>
        ) : null}
        {entry.task ? (
          <span>
            <LinkOutlined /> {t('worklogs.task')}：<span className="mono">{entry.task}</span>
          </span>
        ) : null}
        {entry.minutes ? (
          <span>
            <ClockCircleOutlined /> {t('worklogs.minutes')}：{formatMinutes(t, entry.minutes)}
          </span>
        ) : null}
        <span>
          {t('worklogs.writtenOn', { at: formatDateTime(entry.createdAt) })}
          {entry.updatedAt !== entry.createdAt ? ` · ${t('worklogs.editedOn', { at: dayjs(entry.updatedAt).format('YYYY-MM-DD HH:mm') })}` : ''}
        </span>
      </Flex>
      <Flex gap={8} wrap align="center">
        <LikeButton entry={entry} />
        {entry.can.edit ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-entry">
            {t('common.edit')}
          </Button>
        ) : null}
        {entry.can.flag && !entry.openFlag ? (
          <Button danger icon={<FlagOutlined />} onClick={() => setFlagging(true)} data-testid="flag-entry">
            {t('worklogs.flag')}
          </Button>
        ) : null}
      </Flex>

      {open.length + history.length > 0 ? (
        <>
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
            {t('worklogs.followUps')}
          </Divider>
          {[...open, ...history].map((f) => (
            <FlagItem key={f.id} entry={entry} flag={f} />
          ))}
        </>
      ) : null}

      <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
        {t('worklogs.commentsTitle', { count: entry.comments.length })}
      </Divider>
      {entry.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('worklogs.noComments')} style={{ margin: '4px 0' }} />
      ) : (
        <Flex vertical gap={10} data-testid="comments">
          {entry.comments.map((c) => (
            <div key={c.id} className={`comment ${c.author.isEntryAuthor ? 'comment-author' : 'comment-leader'}`} data-testid="comment">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>
                  {c.author.name}
                  {c.author.isEntryAuthor ? (
                    <Tag style={{ marginInlineStart: 6 }} color="blue">
                      {t('worklogs.authorTag')}
                    </Tag>
                  ) : null}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} className="nowrap">
                  {dayjs(c.createdAt).format('MM-DD HH:mm')}
                </Typography.Text>
              </Flex>
              <EntryContent text={c.content} testId="comment-content" />
            </div>
          ))}
        </Flex>
      )}
      {entry.can.comment ? <CommentBox entry={entry} /> : null}

      <EditEntryModal entryId={editing ? entry.id : null} today={today} onClose={() => setEditing(false)} />
      <FlagModal entryId={entry.id} open={flagging} onClose={() => setFlagging(false)} />
    </Flex>
  );
}

/** The entry of `?entry=` with its thread: rendered once by the layout, opened from any page or notification. */
export function EntryDrawer() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { entryId, closeEntry } = useEntryParam();
  const detail = useLogDetail(entryId);
  return (
    <Drawer
      open={entryId !== null}
      onClose={closeEntry}
      title={t('worklogs.entryTitle')}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      data-testid="entry-drawer"
    >
      {detail.isLoading ? <Skeleton active /> : null}
      {detail.isError ? <Alert type="error" showIcon title={errorText(t, detail.error)} /> : null}
      {detail.data ? <EntryDetail entry={detail.data} /> : null}
    </Drawer>
  );
}
