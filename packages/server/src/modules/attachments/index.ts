/** Evidence files: stored by content, typed by content, uploaded and downloaded the same way by every module. */
export { cleanFileName, inspectAttachment, storeAndRecordAttachment } from './attachment-files.js';
export { attachmentPath, removeAttachmentFile } from './attachments.storage.js';
export { createAttachmentMissingOnDiskError, createAttachmentTypeError, createTooManyAttachmentsError } from './attachments.errors.js';
export { attachmentDownloadSchema, registerAttachmentUpload, sendStoredFile, type StoredFile } from './attachments.routes.js';
