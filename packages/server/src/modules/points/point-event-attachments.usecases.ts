import { existsSync } from 'node:fs';
import type { AppDeps } from '../../app/deps.js';
import { createForbiddenError, createNotFoundError } from '../../app/errors.js';
import { type Actor, authorize, canSeeEvent, isProposer } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import {
  attachmentPath, cleanFileName, createAttachmentMissingOnDiskError, createTooManyAttachmentsError, inspectAttachment, storeAndRecordAttachment,
} from '../attachments/index.js';
import { createNotPendingError } from './points.errors.js';
import { countAttachmentsOfEvent, findEventAttachment, findPointEvent, insertEventAttachment } from './point-events.repository.js';
import { loadPointAccess, presentEventAttachment } from './point-events.usecases.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_EVENT = 9;


/**
 * The proposer attaches evidence (an image or a PDF, ≤ 10 MB) while the event is proposed. Files are
 * content-addressed like work-log attachments; a file this call stored is removed if recording fails.
 */
export async function attachEvidence({ db, now, config }: Deps, actor: Actor, eventId: number, upload: { fileName: string | undefined; content: Buffer }) {
  authorize(actor, 'points.propose');
  const atIso = now().toISOString();
  const access = await loadPointAccess(db, actor);
  const event = await findPointEvent(db, eventId);
  if (!event || !canSeeEvent(access, event)) throw createNotFoundError('pointEvent', eventId);
  if (!isProposer(actor, event)) throw createForbiddenError('attach evidence to this event: its proposer does');
  if (event.status !== 'proposed') throw createNotPendingError(eventId, event.status);
  const { mime, ext, sha256 } = await inspectAttachment(upload.content, EVIDENCE_MAX_BYTES);
  const id = await storeAndRecordAttachment(config.dataDir, sha256, upload.content, (storageKey) =>
    inTransaction(db, async (trx) => {
      if ((await countAttachmentsOfEvent(trx, eventId)) >= MAX_ATTACHMENTS_PER_EVENT) throw createTooManyAttachmentsError(MAX_ATTACHMENTS_PER_EVENT);
      const fileName = cleanFileName(upload.fileName, ext);
      const newId = await insertEventAttachment(trx, {
        event_id: eventId, file_name: fileName, mime_type: mime, size_bytes: upload.content.length, sha256, storage_key: storageKey,
        uploaded_by: actor.accountId, created_at: atIso,
      });
      await appendAuditRecords(trx, [{
        actorId: actor.accountId, actorLabel: actor.username, action: 'pointEvent.attachment_added', entity: 'point_event', entityId: eventId,
        after: { attachmentId: newId, fileName, mimeType: mime, size: upload.content.length, sha256 },
      }], atIso);
      return newId;
    }));
  return presentEventAttachment((await findEventAttachment(db, id))!);
}

/** An evidence file to download, scoped like its event (404 for one the caller cannot see). */
export async function openEvidence({ db, config }: Deps, actor: Actor, id: number) {
  authorize(actor, 'points.read');
  const attachment = await findEventAttachment(db, id);
  const event = attachment ? await findPointEvent(db, attachment.event_id) : undefined;
  if (!attachment || !event || !canSeeEvent(await loadPointAccess(db, actor), event)) throw createNotFoundError('attachment', id);
  const path = attachmentPath(config.dataDir, attachment.storage_key);
  if (!existsSync(path)) throw createAttachmentMissingOnDiskError(id);
  return { path, fileName: attachment.file_name, mimeType: attachment.mime_type, size: attachment.size_bytes, sha256: attachment.sha256 };
}
