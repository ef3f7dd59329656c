import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { APPEAL_ERRORS } from '../modules/appeals/appeals.errors';
import { REVIEW_ERRORS } from '../modules/reviews/reviews.errors';
import { errorText, fieldErrorOf, fieldErrorsOf } from './errors';

const table: Record<string, string> = {
  'errors.request_invalid': '提交的内容有误：{{message}}',
  'errors.auth_forbidden': '没有权限',
  'appeals.errors.appeal_window_closed': '申诉期已结束',
  'reviews.errors.summary_submitted': '小结已提交',
};
const t = ((key: string, options: { defaultValue?: string; message?: string } = {}) =>
  (table[key] ?? options.defaultValue ?? key).replace('{{message}}', options.message ?? '')) as unknown as TFunction;

const invalid = (code: string) => new ApiError(400, code, 'bad', [{ path: '/content', message: 'too long' }, { message: 'other' }]);

describe('errorText', () => {
  it('translates the shared code, else shows the server message, else the code', () => {
    expect(errorText(t, new ApiError(403, 'auth.forbidden', 'no'))).toBe('没有权限');
    expect(errorText(t, invalid('request.invalid'))).toBe('提交的内容有误：bad');
    expect(errorText(t, new ApiError(409, 'x.y', 'server says'))).toBe('server says');
    expect(errorText(t, new ApiError(409, 'x.y', ''))).toBe('x.y');
    expect(errorText(t, new Error('boom'))).toBe('boom');
    expect(errorText(t, 'plain')).toBe('plain');
  });

  it('tries a module table first; for a 400 without an own sentence, the details', () => {
    expect(errorText(t, new ApiError(409, 'appeal.window_closed', 'closed'), APPEAL_ERRORS)).toBe('申诉期已结束');
    expect(errorText(t, invalid('appeal.window_closed'), APPEAL_ERRORS)).toBe('申诉期已结束');
    expect(errorText(t, invalid('request.invalid'), APPEAL_ERRORS)).toBe('/content: too long；other');
    expect(errorText(t, new ApiError(400, 'request.invalid', 'bad'), APPEAL_ERRORS)).toBe('提交的内容有误：bad');
    expect(errorText(t, new ApiError(403, 'auth.forbidden', 'no'), APPEAL_ERRORS)).toBe('没有权限');
  });

  it('adds the 400 details to the cycle pages’ own sentence', () => {
    expect(errorText(t, invalid('summary.submitted'), REVIEW_ERRORS)).toBe('小结已提交（/content: too long；other）');
    expect(errorText(t, new ApiError(409, 'summary.submitted', 'x', [{ path: '/content', message: 'm' }]), REVIEW_ERRORS)).toBe('小结已提交');
    expect(errorText(t, invalid('request.invalid'), REVIEW_ERRORS)).toBe('/content: too long；other');
  });
});

describe('field errors', () => {
  it('finds the detail naming one field, and lists them for a form', () => {
    const error = new ApiError(400, 'request.invalid', 'bad', [
      { path: '/reason', message: 'required' },
      { path: '/ratings/0/rating', message: 'out of range' },
      { path: '/', message: 'whole body' },
    ]);
    expect(fieldErrorOf(error, 'reason')).toBe('required');
    expect(fieldErrorOf(error, 'ratings')).toBe('out of range');
    expect(fieldErrorOf(error, 'note')).toBeNull();
    expect(fieldErrorOf(new Error('x'), 'reason')).toBeNull();
    expect(fieldErrorsOf(error)).toEqual([
      { name: 'reason', errors: ['required'] },
      { name: 'ratings', errors: ['out of range'] },
    ]);
  });
});
