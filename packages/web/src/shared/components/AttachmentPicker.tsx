import { App, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, checkAttachmentFile } from '../attachments';

/**
 * Photos and PDFs picked before the entry exists: they are uploaded one by one right after it was
 * created (POST /api/logs/:id/attachments). Files the server would refuse are turned away here.
 */
export function AttachmentPicker({
  files,
  onChange,
  max,
}: {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  max: number;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      listType="picture-card"
      accept={ATTACHMENT_ACCEPT}
      multiple
      fileList={files}
      maxCount={max}
      beforeUpload={(file) => {
        const problem = checkAttachmentFile(file);
        if (problem === 'type') {
          void message.error(t('attachments.typeRefused', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if (problem === 'size') {
          void message.error(t('attachments.tooLarge', { name: file.name, mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }));
          return Upload.LIST_IGNORE;
        }
        // kept in the list, sent after the entry is created
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList.slice(0, max))}
      data-testid="attachment-picker"
    >
      {files.length >= max ? null : (
        <button type="button" className="upload-button">
          <PlusOutlined />
          <div style={{ marginTop: 4, fontSize: 12 }}>{t('attachments.add')}</div>
        </button>
      )}
    </Upload>
  );
}
