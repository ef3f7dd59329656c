import { Flex, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@baton/contract/attachments';
import { AttachmentList } from '../../../shared/components/AttachmentList';

/** Only http(s) links become links: a `javascript:` or other scheme is shown as text. */
export function safeHref(link: string | null | undefined): string | null {
  if (!link) return null;
  return /^https?:\/\//i.test(link.trim()) ? link.trim() : null;
}

/** The evidence of a point event: its text (plain, line breaks kept), link and attachments. */
export function EvidenceView({
  text,
  link,
  attachments,
  clamp,
}: {
  text: string;
  link?: string | null;
  attachments?: Attachment[];
  clamp?: number;
}) {
  const { t } = useTranslation();
  const href = safeHref(link);
  return (
    <Flex vertical gap={6} style={{ minWidth: 0 }}>
      <div
        className={clamp ? 'entry-text entry-text-clamped evidence-text' : 'entry-text evidence-text'}
        style={clamp ? { WebkitLineClamp: clamp } : undefined}
        data-testid="evidence-text"
      >
        {text}
      </div>
      {link ? (
        <Flex gap={6} align="center" style={{ minWidth: 0 }}>
          <LinkOutlined />
          {href ? (
            <Typography.Link href={href} target="_blank" rel="noopener noreferrer" ellipsis style={{ minWidth: 0 }} onClick={(e) => e.stopPropagation()}>
              {link}
            </Typography.Link>
          ) : (
            <Typography.Text type="secondary" ellipsis title={t('points.linkNotHttp')}>
              {link}
            </Typography.Text>
          )}
        </Flex>
      ) : null}
      {attachments && attachments.length > 0 ? (
        <AttachmentList attachments={attachments} size={56} />
      ) : null}
    </Flex>
  );
}
