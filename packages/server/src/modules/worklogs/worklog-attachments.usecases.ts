import { existsSync } from 'node:fs';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import { type Actor, authorize, canSeeLog, isOwnLog } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import {
  attachmentPath, cleanFileName, createAttachmentMissingOnDiskError, createTooManyAttachmentsError, inspectAttachment, removeAttachmentFile, storeAndRecordAttachment,
} from '../attachments/index.js';
import { countAttachmentsOfLog, countAttachmentsWithSha, deleteAttachment, findAttachment, insertAttachment } from './worklog-attachments.repository.js';
import { findWorkLogView } from './worklogs.repository.js';
import { createLogFrozenError, createNotAuthorError } from './worklogs.errors.js';
import { editableUntilOf, isFrozen, loadLogAccess, presentAttachment } from './worklogs.usecases.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_LOG = 9;

/**
 * The author attaches an image or a PDF (≤ 10 MB) to his entry while it is editable. The file is
 * stored first (content-addressed), then recorded with its checksum in one transaction with the
 * audit record; if that fails, a file this call created is removed again.
 */
export async function attachToWorkLog({ db, now, config }: Deps, actor: Actor, logId: number, upload: { fileName: string | undefined; content: Buffer }) {
  authorize(actor, 'log.write');
  const at = now();
  const atIso = at.toISOString();
  const access = await loadLogAccess(db, actor);
  const log = await findWorkLogView(db, logId);
  if (!log || !canSeeLog(access, log)) throw createNotFoundError('log', logId);
  if (!isOwnLog(actor, log)) throw createNotAuthorError();
  if (isFrozen(log.created_at, at)) throw createLogFrozenError(logId, editableUntilOf(log.created_at));
  const { mime, ext, sha256 } = await inspectAttachment(upload.content, ATTACHMENT_MAX_BYTES);
  const id = await storeAndRecordAttachment(config.dataDir, sha256, upload.content, (storageKey) =>
    inTransaction(db, async (trx) => {
      if ((await countAttachmentsOfLog(trx, logId)) >= MAX_ATTACHMENTS_PER_LOG) throw createTooManyAttachmentsError(MAX_ATTACHMENTS_PER_LOG);
      const fileName = cleanFileName(upload.fileName, ext);
      const newId = await insertAttachment(trx, {
        logId, fileName, mimeType: mime, size: upload.content.length, sha256, storageKey, uploadedBy: actor.accountId, now: atIso,
      });
      await appendAuditRecords(trx, [{
        actorId: actor.accountId, actorLabel: actor.username, action: 'log.attachment_added', entity: 'work_log', entityId: logId,
        after: { attachmentId: newId, fileName, mimeType: mime, size: upload.content.length, sha256 },
      }], atIso);
      return newId;
    }));
  return presentAttachment((await findAttachment(db, id))!);
}

/** An attachment to download, scoped like its entry (404 for one the caller cannot see). */
export async function openAttachment({ db, config }: Deps, actor: Actor, id: number) {
  const attachment = await findAttachment(db, id);
  const log = attachment ? await findWorkLogView(db, attachment.log_id) : undefined;
  if (!attachment || !log || !canSeeLog(await loadLogAccess(db, actor), log)) throw createNotFoundError('attachment', id);
  const path = attachmentPath(config.dataDir, attachment.storage_key);
  if (!existsSync(path)) throw createAttachmentMissingOnDiskError(id);
  return { path, fileName: attachment.file_name, mimeType: attachment.mime_type, size: attachment.size_bytes, sha256: attachment.sha256 };
}

/** The author removes an attachment while the entry is editable; the file goes when nothing else links it. */
export async function removeAttachment({ db, now, config }: Deps, actor: Actor, id: number) {
  authorize(actor, 'log.write');
  const at = now();
  const atIso = at.toISOString();
  const access = await loadLogAccess(db, actor);
  const removed = await inTransaction(db, async (trx) => {
    const attachment = await findAttachment(trx, id);
    const log = attachment ? await findWorkLogView(trx, attachment.log_id) : undefined;
    if (!attachment || !log || !canSeeLog(access, log)) throw createNotFoundError('attachment', id);
    if (!isOwnLog(actor, log)) throw createNotAuthorError();
    if (isFrozen(log.created_at, at)) throw createLogFrozenError(log.id, editableUntilOf(log.created_at));
    await deleteAttachment(trx, id);
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'log.attachment_removed', entity: 'work_log', entityId: log.id,
      before: { attachmentId: id, fileName: attachment.file_name, mimeType: attachment.mime_type, size: attachment.size_bytes, sha256: attachment.sha256 },
    }], atIso);
    return attachment;
  });
  if ((await countAttachmentsWithSha(db, removed.sha256)) === 0) await removeAttachmentFile(config.dataDir, removed.storage_key);
}
