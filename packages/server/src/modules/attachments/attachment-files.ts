import { fileTypeFromBuffer } from 'file-type';
import type { AttachmentMimeType } from '@baton/contract/attachments';
import { createFileTooLargeError } from '../../app/uploads.js';
import { createAttachmentTypeError } from './attachments.errors.js';
import { removeAttachmentFile, sha256Of, storeAttachmentFile } from './attachments.storage.js';

/**
 * Evidence files, for every module that takes them (work logs, point events, appeals): what may be
 * attached, decided by the content; the name it is kept under; stored before its rows are written.
 */

/** What may be attached (work logs, point evidence), decided from the content (file-type), never from the name: the contract's types. */
const ATTACHMENT_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'application/pdf': 'pdf',
} satisfies Record<AttachmentMimeType, string>;

/** The uploaded name without folders or control characters, with the extension of its real type. */
export function cleanFileName(name: string | undefined, ext: string): string {
  const base = (name ?? '').split(/[/\\]/).pop()!.replace(/[\p{Cc}"]/gu, '').trim().replace(/\.[^.]*$/, '').slice(0, 120);
  return `${base || 'attachment'}.${ext}`;
}

/**
 * Checks an uploaded attachment (size, type by content) and returns its type, extension and checksum.
 * Shared by every module that takes attached evidence (work logs, point events).
 */
export async function inspectAttachment(content: Buffer, maxBytes: number): Promise<{ mime: string; ext: string; sha256: string }> {
  if (content.length > maxBytes) throw createFileTooLargeError(maxBytes);
  const type = await fileTypeFromBuffer(content);
  const ext = type ? ATTACHMENT_TYPES[type.mime] : undefined;
  if (!type || !ext) throw createAttachmentTypeError(type?.mime ?? (content.subarray(0, 512).includes(0) ? undefined : 'text'));
  return { mime: type.mime, ext, sha256: sha256Of(content) };
}

/** Stores the file, then runs `record` (its database rows); a file this call wrote is removed again when recording fails. */
export async function storeAndRecordAttachment<T>(dataDir: string, sha256: string, content: Buffer, record: (storageKey: string) => Promise<T>): Promise<T> {
  const stored = await storeAttachmentFile(dataDir, sha256, content);
  try {
    return await record(stored.key);
  } catch (error) {
    if (stored.created) await removeAttachmentFile(dataDir, stored.key);
    throw error;
  }
}
