import { Button, Flex, Image, Popconfirm, Typography } from 'antd';
import { CloseOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@baton/contract/attachments';
import { formatFileSize, isImage } from '../attachments';

/** Thumbnails of an entry's images (tap to enlarge) and links to its PDFs; the author may remove them while the entry is editable. */
export function AttachmentList<A extends Attachment>({
  attachments,
  size = 64,
  onRemove,
}: {
  attachments: A[];
  size?: number;
  onRemove?: (attachment: A) => void;
}) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => isImage(a.mimeType));
  const files = attachments.filter((a) => !isImage(a.mimeType));
  const remove = (a: A) =>
    onRemove ? (
      <Popconfirm title={t('attachments.removeConfirm', { name: a.fileName })} onConfirm={() => onRemove(a)} okButtonProps={{ danger: true }}>
        <Button
          size="small"
          type="text"
          danger
          icon={<CloseOutlined />}
          aria-label={t('attachments.remove')}
          onClick={(e) => e.stopPropagation()}
          className="attachment-remove"
        />
      </Popconfirm>
    ) : null;

  return (
    <Flex vertical gap={6} onClick={(e) => e.stopPropagation()} data-testid="attachments">
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={6} wrap>
            {images.map((a) => (
              <div key={a.id} className="attachment-thumb" style={{ width: size, height: size }}>
                <Image
                  src={a.url}
                  alt={a.fileName}
                  width={size}
                  height={size}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  data-testid="attachment-image"
                />
                {remove(a)}
              </div>
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {files.map((a) => (
        <Flex key={a.id} align="center" gap={6} className="attachment-file" data-testid="attachment-file">
          {a.mimeType === 'application/pdf' ? <FilePdfOutlined style={{ color: '#c8372d' }} /> : <PaperClipOutlined />}
          <Typography.Link href={a.url} target="_blank" rel="noopener noreferrer" ellipsis style={{ minWidth: 0, flex: 1 }}>
            {a.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="nowrap">
            {formatFileSize(a.size)}
          </Typography.Text>
          {remove(a)}
        </Flex>
      ))}
    </Flex>
  );
}
