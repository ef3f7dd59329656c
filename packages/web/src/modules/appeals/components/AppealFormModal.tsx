import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Appeal } from '@baton/contract/appeals';
import type { Id } from '../../../shared/params';
import { errorText, fieldErrorOf } from '../../../shared/errors';
import { formatScore } from '../../../shared/scores';
import { AttachmentPicker } from '../../../shared/components/AttachmentPicker';
import { createAppeal, uploadAppealAttachment, useInvalidateAppeals } from '../appeals.api';
import { ATTACHMENTS_MAX, REASON_MAX } from '../appeals.model';
import { APPEAL_ERRORS } from '../appeals.errors';

export interface AppealFormModalProps {
  open: boolean;
  period: { id: Id; name?: string; resultVersion?: number | null };
  result?: { total: number; grade: string | null } | null;
  onClose: () => void;
  /** After the appeal exists; `failed` lists the files the server refused ("name：why"). */
  onSubmitted: (appeal: Appeal, failed: string[]) => void;
}

/**
 * 提出申诉: the reason (1–2 000 characters) and, optionally, evidence (images and PDF ≤ 10 MB, up to
 * nine). The appeal is created first; the files are then uploaded one by one to it (the contract's
 * POST /api/appeals/:id/attachments), so a refused file never loses the appeal itself.
 */
export function AppealFormModal({ open, period, result, onClose, onSubmitted }: AppealFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const invalidate = useInvalidateAppeals();

  const reset = () => {
    form.resetFields();
    setFiles([]);
    setError(null);
    setProgress(null);
  };

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      const appeal = await createAppeal(period.id, reason.trim());
      const failed: string[] = [];
      const picked = files.filter((f) => f.originFileObj);
      for (const [index, file] of picked.entries()) {
        setProgress({ done: index, total: picked.length });
        try {
          await uploadAppealAttachment(appeal.id, file.originFileObj as File);
        } catch (uploadError) {
          failed.push(`${file.name}：${errorText(t, uploadError, APPEAL_ERRORS)}`);
        }
      }
      await invalidate();
      void message.success(t('appeals.form.sent'));
      reset();
      onSubmitted(appeal, failed);
    } catch (submitError) {
      const reasonError = fieldErrorOf(submitError, 'reason');
      if (reasonError) form.setFields([{ name: 'reason', errors: [reasonError] }]);
      else setError(errorText(t, submitError, APPEAL_ERRORS));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <Modal
      open={open}
      title={t('appeals.form.title')}
      okText={t('appeals.form.send')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        if (busy) return;
        reset();
        onClose();
      }}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'appeal-send' } as never}
      destroyOnHidden
      maskClosable={!busy}
      data-testid="appeal-modal"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {period.name && period.resultVersion ? t('appeals.form.periodLine', { period: period.name, version: period.resultVersion }) : period.name}
        {result ? (
          <>
            <br />
            {t('appeals.form.yourResult', { total: formatScore(result.total), grade: result.grade ?? '—' })}
          </>
        ) : null}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="appeal-form-error" /> : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} disabled={busy}>
        <Form.Item
          name="reason"
          label={t('appeals.form.reason')}
          rules={[
            { required: true, whitespace: true, message: t('appeals.form.reasonRequired') },
            {
              validator: (_, value: string | undefined) =>
                (value ?? '').trim().length > REASON_MAX ? Promise.reject(new Error(t('appeals.form.reasonTooLong', { max: REASON_MAX }))) : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            showCount
            maxLength={REASON_MAX}
            placeholder={t('appeals.form.reasonPlaceholder')}
            data-testid="appeal-reason"
          />
        </Form.Item>
        <Form.Item label={t('appeals.form.attachments')} extra={t('appeals.form.attachmentsHint')} style={{ marginBottom: 0 }}>
          <AttachmentPicker files={files} onChange={setFiles} max={ATTACHMENTS_MAX} />
        </Form.Item>
      </Form>
      {progress ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('appeals.form.uploading', progress)}
        </Typography.Text>
      ) : null}
    </Modal>
  );
}
