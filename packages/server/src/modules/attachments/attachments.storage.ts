import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Attachment files live under `<dataDir>/attachments/`, content-addressed by their sha256
 * (`ab/abcdef…`): the same photo attached twice is stored once, and a file's name is its checksum.
 */
export function attachmentRoot(dataDir: string): string {
  return join(dataDir, 'attachments');
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function storageKeyOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256}`;
}

export function attachmentPath(dataDir: string, storageKey: string): string {
  return join(attachmentRoot(dataDir), storageKey);
}

/** Writes the file unless it is already stored; `created` says whether this call wrote it (to undo on failure). */
export async function storeAttachmentFile(dataDir: string, sha256: string, content: Buffer): Promise<{ key: string; created: boolean }> {
  const key = storageKeyOf(sha256);
  const path = attachmentPath(dataDir, key);
  if (existsSync(path)) return { key, created: false };
  await mkdir(dirname(path), { recursive: true });
  // Written aside and renamed: a reader never sees half a file.
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, content, { flag: 'wx' });
  await rename(temp, path);
  return { key, created: true };
}

export async function removeAttachmentFile(dataDir: string, storageKey: string): Promise<void> {
  await rm(attachmentPath(dataDir, storageKey), { force: true });
}
