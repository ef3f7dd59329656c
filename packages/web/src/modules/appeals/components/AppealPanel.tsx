import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Skeleton, Typography, Upload } from 'antd';
import { FileSearchOutlined, PaperClipOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Appeal } from '@baton/contract/appeals';
import type { Id } from '../../../shared/params';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { errorText } from '../../../shared/errors';
import { shanghaiToday } from '../../../shared/dates';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, checkAttachmentFile } from '../../../shared/attachments';
import { can, useCurrentMe } from '../../auth/auth.api';
import { uploadAppealAttachment, useInvalidateAppeals, usePeriodAppeals, useWithdrawAppeal } from '../appeals.api';
import { appealBlock, ownAppeals } from '../appeals.model';
import { APPEAL_ERRORS } from '../appeals.errors';
import { AppealAttachments, AppealDecisionBlock, AppealStatusTag } from './AppealBits';
import { AppealFormModal } from './AppealFormModal';
import '../appeals.css';

export interface AppealPanelProps {
  /** The period of the result shown. */
  period: { id: Id; name?: string; state: string; publicityEndsOn?: string | null; resultVersion?: number | null };
  /** The caller's result shown beside (for the form's reminder line). */
  result?: { total: number; grade: string | null } | null;
}

/** One of his appeals: status, reason, evidence, the decision and — as the server allows (`appeal.can`) — withdraw and add evidence. */
function AppealItem({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const withdraw = useWithdrawAppeal();
  const invalidate = useInvalidateAppeals();
  const [uploading, setUploading] = useState(0);

  const addFile = async (file: File) => {
    const problem = checkAttachmentFile(file);
    if (problem === 'type') return void message.error(t('attachments.typeRefused', { name: file.name }));
    if (problem === 'size') return void message.error(t('attachments.tooLarge', { name: file.name, mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }));
    setUploading((n) => n + 1);
    try {
      await uploadAppealAttachment(appeal.id, file);
      void message.success(t('appeals.item.attachmentAdded', { name: file.name }));
    } catch (error) {
      void message.error(`${file.name}：${errorText(t, error, APPEAL_ERRORS)}`);
    } finally {
      setUploading((n) => n - 1);
      void invalidate();
    }
  };

  return (
    <div className="appeal-item" data-testid="my-appeal" data-appeal={appeal.id} data-status={appeal.status}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex gap={8} align="center" wrap>
          <AppealStatusTag status={appeal.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('appeals.item.submittedAt', { time: formatDateTime(appeal.submittedAt).slice(0, 16) })}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('appeals.item.appealedVersion', { version: appeal.resultVersion })}
        </Typography.Text>
      </Flex>
      <div className="appeal-reason" style={{ marginTop: 6 }} data-testid="appeal-reason-text">
        {appeal.reason}
      </div>
      {appeal.attachments.length > 0 ? (
        <div style={{ marginTop: 6 }}>
          <AppealAttachments attachments={appeal.attachments} size={48} />
        </div>
      ) : null}
      <AppealDecisionBlock appeal={appeal} own style={{ marginTop: 8 }} />
      {appeal.can.withdraw || appeal.can.attach ? (
        <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 8 }}>
          {appeal.can.attach ? (
            <Upload
              accept={ATTACHMENT_ACCEPT}
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                void addFile(file);
                return false;
              }}
            >
              <Button size="small" icon={<PaperClipOutlined />} loading={uploading > 0} data-testid="appeal-add-attachment">
                {t('appeals.item.addAttachment')}
              </Button>
            </Upload>
          ) : null}
          {appeal.can.withdraw ? (
            <Popconfirm
              title={t('appeals.item.withdrawConfirm')}
              description={<div style={{ maxWidth: 260 }}>{t('appeals.item.withdrawText')}</div>}
              okText={t('appeals.item.withdraw')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'appeal-withdraw-confirm' } as never}
              onConfirm={async () => {
                try {
                  await withdraw.mutateAsync(appeal.id);
                  void message.success(t('appeals.item.withdrawn'));
                } catch (error) {
                  void message.error(errorText(t, error, APPEAL_ERRORS));
                }
              }}
            >
              <Button size="small" icon={<RollbackOutlined />} loading={withdraw.isPending} data-testid="appeal-withdraw">
                {t('appeals.item.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ) : null}
    </div>
  );
}

/**
 * 申诉 for the caller's own result of a period (report card, results page): his appeals of the period
 * with their status and decision; while the period is in publicity and its window open, and none of
 * his is pending, the button 提出申诉 opens the form. Nothing shows for a period out of publicity that
 * he never appealed.
 */
export function AppealPanel({ period, result }: AppealPanelProps) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const personId = me.person?.id ?? null;
  const appeals = usePeriodAppeals(period.id, personId !== null);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState<string[]>([]);
  if (personId === null) return null;

  const mine = ownAppeals(appeals.data ?? [], personId, period.id);
  const block = appealBlock({ period, today: shanghaiToday(), personId, appeals: mine });
  const canSubmit = block === null && can(me, 'appeal.submit');
  if (block === 'state' && mine.length === 0 && !appeals.isLoading) return null;

  const hint =
    block === null
      ? period.publicityEndsOn
        ? t('appeals.panel.canAppeal', { date: period.publicityEndsOn })
        : t('appeals.panel.canAppealNoEnd')
      : block === 'pending'
        ? t('appeals.panel.pendingHint')
        : block === 'windowClosed'
          ? t('appeals.panel.windowClosed', { date: period.publicityEndsOn })
          : null;

  return (
    <Card
      size="small"
      className="appeal-panel"
      title={
        <Flex gap={6} align="center">
          <FileSearchOutlined />
          <span>{t('appeals.panel.title')}</span>
        </Flex>
      }
      extra={
        canSubmit ? (
          <Button type="primary" size={isMobile ? 'small' : 'middle'} onClick={() => setOpen(true)} data-testid="appeal-open">
            {mine.length > 0 ? t('appeals.panel.appealAgain') : t('appeals.panel.submit')}
          </Button>
        ) : null
      }
      styles={{ body: { padding: isMobile ? 10 : 12 } }}
      data-testid="appeal-panel"
      data-can-appeal={canSubmit ? 'true' : 'false'}
    >
      {appeals.isLoading ? <Skeleton active paragraph={{ rows: 1 }} title={false} /> : null}
      {appeals.isError ? <Alert type="error" showIcon title={errorText(t, appeals.error, APPEAL_ERRORS)} /> : null}
      {hint ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: mine.length > 0 ? 8 : 0 }} data-testid="appeal-hint">
          {hint}
        </Typography.Paragraph>
      ) : null}
      {failed.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setFailed([])}
          title={t('appeals.form.attachmentsFailed')}
          description={failed.join('\n')}
          style={{ marginBottom: 8, whiteSpace: 'pre-wrap' }}
          data-testid="appeal-attachments-failed"
        />
      ) : null}
      {mine.map((appeal) => (
        <AppealItem key={appeal.id} appeal={appeal} />
      ))}
      <AppealFormModal
        open={open}
        period={period}
        result={result}
        onClose={() => setOpen(false)}
        onSubmitted={(_, refused) => {
          setOpen(false);
          setFailed(refused);
        }}
      />
    </Card>
  );
}
