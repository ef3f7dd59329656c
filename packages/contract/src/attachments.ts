import { Type, type Static } from 'typebox';
import { FileResponse, StrictObject } from './common.js';
import type { ATTACHMENT_MIME_TYPES } from './vocabulary.js';

/** An evidence file as every module presents it (work-log entries, point events, appeals). */
export const AttachmentSchema = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mimeType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String(),
  url: Type.String(),
});
export type Attachment = Static<typeof AttachmentSchema>;

export const AttachmentQuery = StrictObject({ download: Type.Optional(Type.Boolean({ description: 'Content-Disposition: attachment instead of inline' })) });

/** The file itself, of the type found by its content when it was uploaded. */
export const AttachmentFileResponse = FileResponse('the stored file, inline (or as a download), of the type checked by content');

export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number];
