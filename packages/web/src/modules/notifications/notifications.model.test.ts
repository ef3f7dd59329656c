import { describe, expect, it } from 'vitest';
import { notificationPath } from './notifications.model';

describe('where a notification leads', () => {
  const base = { entity: null, entityId: null, data: {} };
  it('opens a new appeal on 申诉复核, a decided one on the report card of its period, a reminder on the summary', () => {
    expect(notificationPath({ ...base, kind: 'appeal.submitted', entity: 'period_appeal', entityId: 7, data: { periodId: 3 } })).toBe('/appeals?appeal=7');
    expect(notificationPath({ ...base, kind: 'appeal.decided', entity: 'period_appeal', entityId: 7, data: { periodId: 3 } })).toBe('/report-cards/me?period=3');
    expect(notificationPath({ ...base, kind: 'summary.reminder', entity: 'period', entityId: 5 })).toBe('/periods/5/summary');
  });
  it('has no page for the others', () => {
    expect(notificationPath({ ...base, kind: 'log.comment', entity: 'work_log', entityId: 9 })).toBeNull();
    expect(notificationPath({ ...base, kind: 'appeal.decided', entity: 'period_appeal', entityId: 7 })).toBeNull();
  });
});
