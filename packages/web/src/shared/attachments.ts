import { ATTACHMENT_MIME_TYPES } from '@baton/contract/vocabulary';

/**
 * What every evidence upload takes (work-log entries, point events, appeals): the contract's types
 * (JPEG, PNG, WebP, GIF and PDF), ≤ 10 MB each. The server decides from the content; this only spares
 * a useless upload.
 */
export const ATTACHMENT_TYPES = ATTACHMENT_MIME_TYPES;
export const ATTACHMENT_ACCEPT = `${ATTACHMENT_TYPES.join(',')},.jpg,.jpeg,.png,.webp,.gif,.pdf`;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const EXTENSIONS = /\.(jpe?g|png|webp|gif|pdf)$/i;

export type AttachmentProblem = 'type' | 'size' | null;

export function checkAttachmentFile(file: { name: string; type: string; size: number }): AttachmentProblem {
  const typeOk = (ATTACHMENT_TYPES as readonly string[]).includes(file.type) || (file.type === '' && EXTENSIONS.test(file.name));
  if (!typeOk) return 'type';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'size';
  return null;
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const isImage = (mimeType: string) => mimeType.startsWith('image/');
