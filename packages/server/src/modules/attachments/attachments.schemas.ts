import { Type } from 'typebox';
import { StrictObject } from '../../app/http.js';

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

export const AttachmentQuery = StrictObject({ download: Type.Optional(Type.Boolean({ description: 'Content-Disposition: attachment instead of inline' })) });
