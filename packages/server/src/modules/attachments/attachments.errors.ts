import { AppError, createConflictError } from '../../app/errors.js';

export const createAttachmentTypeError = (detected: string | undefined) =>
  new AppError(415, 'attachment.type_not_allowed',
    `Only JPEG, PNG, WebP, GIF images and PDF files may be attached${detected ? `: the file's content is ${detected}` : ': the file\'s content is not recognised'}`,
    [{ path: '/file', message: detected ? `content is ${detected}` : 'content not recognised' }]);


export const createTooManyAttachmentsError = (max: number) =>
  createConflictError('attachment.too_many', `An entry may have at most ${max} attachments`, [{ path: '/file', message: `at most ${max} attachments` }]);


export const createAttachmentMissingOnDiskError = (id: number) =>
  new AppError(410, 'attachment.gone', `The file of attachment ${id} is no longer in storage`);

