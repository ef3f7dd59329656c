import { Alert, App, Button, Flex, Modal, Skeleton, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CreateLogBody, LogEntry } from '@baton/contract/worklogs';
import dayjs from 'dayjs';
import { errorText } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { AttachmentList } from '../../../shared/components/AttachmentList';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, checkAttachmentFile } from '../../../shared/attachments';
import { useLogDetail, useRemoveAttachment, useUpdateLog, useUploadAttachment } from '../worklogs.api';
import { ATTACHMENTS_PER_ENTRY } from '../worklogs.model';
import { EntryForm, type EntryValues } from './EntryForm';

/** Only the fields that changed go to PATCH /api/logs/:id (null clears the optional ones). */
function changesOf(entry: LogEntry, values: EntryValues): Partial<CreateLogBody> {
  const patch: Partial<CreateLogBody> = {};
  if (values.kind !== entry.kind) patch.kind = values.kind;
  if (values.date !== entry.date) patch.date = values.date;
  if (values.content !== entry.content) patch.content = values.content;
  if ((values.indicator ?? null) !== entry.indicator) patch.indicator = values.indicator ?? null;
  if ((values.task ?? null) !== entry.task) patch.task = values.task ?? null;
  if ((values.minutes ?? null) !== entry.minutes) patch.minutes = values.minutes ?? null;
  return patch;
}

/** The author edits his entry while it is editable (7 days after it was written); attachments are added and removed at once. */
export function EditEntryModal({ entryId, today, onClose }: { entryId: number | null; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  // read fresh: adding or removing an attachment refetches it
  const detail = useLogDetail(entryId);
  const entry = entryId !== null ? (detail.data ?? null) : null;
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const update = useUpdateLog();
  const upload = useUploadAttachment();
  const remove = useRemoveAttachment();

  return (
    <Modal
      open={entryId !== null}
      title={entry ? t('worklogs.editTitle', { date: entry.date }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={isMobile ? '100%' : 640}
      style={isMobile ? { top: 12, maxWidth: 'calc(100vw - 16px)' } : undefined}
    >
      {detail.isError ? <Alert type="error" showIcon title={errorText(t, detail.error)} /> : null}
      {entryId !== null && detail.isLoading ? <Skeleton active /> : null}
      {entry ? (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('worklogs.editableUntilLong', { at: dayjs(entry.editableUntil).format('YYYY-MM-DD HH:mm') })}
          </Typography.Paragraph>
          <EntryForm
            mode="edit"
            today={today}
            submitLabel={t('common.save')}
            initialIndicatorName={entry.indicatorName}
            initialValues={{
              kind: entry.kind,
              date: entry.date,
              content: entry.content,
              indicator: entry.indicator,
              task: entry.task,
              minutes: entry.minutes,
            }}
            onCancel={onClose}
            onSubmit={async (values) => {
              const patch = changesOf(entry, values);
              if (Object.keys(patch).length === 0) {
                void message.info(t('common.noChanges'));
                onClose();
                return;
              }
              await update.mutateAsync({ id: entry.id, patch });
              void message.success(t('common.saved'));
              onClose();
            }}
            attachments={
              <Flex vertical gap={8}>
                <AttachmentList
                  attachments={entry.attachments}
                  onRemove={(a) =>
                    remove.mutate(a.id, {
                      onSuccess: () => void message.success(t('worklogs.attachmentRemoved')),
                      onError: (error) => void message.error(errorText(t, error)),
                    })
                  }
                />
                {entry.attachments.length < ATTACHMENTS_PER_ENTRY ? (
                  <Upload
                    accept={ATTACHMENT_ACCEPT}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      const problem = checkAttachmentFile(file);
                      if (problem === 'type') void message.error(t('attachments.typeRefused', { name: file.name }));
                      else if (problem === 'size') void message.error(t('attachments.tooLarge', { name: file.name, mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }));
                      else
                        upload.mutate(
                          { logId: entry.id, file },
                          {
                            onSuccess: () => void message.success(t('worklogs.attachmentAdded', { name: file.name })),
                            onError: (error) => void message.error(`${file.name}：${errorText(t, error)}`),
                          },
                        );
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />} loading={upload.isPending}>
                      {t('attachments.add')}
                    </Button>
                  </Upload>
                ) : null}
              </Flex>
            }
          />
        </>
      ) : null}
    </Modal>
  );
}
