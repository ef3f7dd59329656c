/**
 * The routine-assessment journey (平时考核: 个人小结 → 审核评鉴 → 公示, issue 6) in real Chromium
 * against the real server: the organization department opens this quarter's period on a scheme whose
 * indicators are rated by the unit leader → an officer writes and submits his personal summary on his
 * phone → the period moves to review; his leader reads the summary, rates him and a colleague, and
 * sees the engine's preview (total, grade, quota) move as he types, then saves → the administrator
 * publishes the results (公示) → the officer sees his total, grade and why on his phone → he appeals
 * from his report card with a photo as evidence (申诉) → his leader re-rates him during publicity (复核) →
 * the organization department accepts the appeal, which publishes result version 2, and sees who changed
 * → the officer reads the decision and his new result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { launchChromium, openBrowsing, screenshotter, signIn, type Browsing } from './support/browser';
import { apiSession, ensureWebBuilt, shanghaiToday, startServer, type RunningServer } from './support/server';

const ADMIN_PASSWORD = 'e2e-admin-Pa55word';
const TEMPORARY_PASSWORD = 'Temp-Pa55word-1';
const MEMBER = { username: 'cy_member', password: 'Member-Pa55word', name: '李明' };
const COLLEAGUE = { name: '王强' };
const LEADER = { username: 'cy_leader', password: 'Leader-Pa55word', name: '赵国栋' };

const APPEAL_REASON = '本季度牵头完成的冬季防火专项检查未计入重点工作评分，附检查记录照片，请求复核。';
const APPEAL_NOTE = '经核实，冬季防火专项检查属重点工作，已由分局负责人复核评分，予以采纳。';

/** A valid 2×2 PNG made here (signature, IHDR, IDAT, IEND with their CRCs): the server checks the content. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  // each row: filter byte 0, then two red pixels
  const rows = Buffer.from([0, 200, 40, 40, 200, 40, 40, 0, 200, 40, 40, 200, 40, 40]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const SUMMARY_ADDITION = '本季度牵头完成辖区治安隐患排查 12 次，化解矛盾纠纷 8 起；下季度重点做好冬季防火宣传。';

function quarterOf(day: string): { startsOn: string; endsOn: string; label: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3);
  const first = q * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, '0');
  return { startsOn: `${y}-${mm(first)}-01`, endsOn: `${y}-${mm(last)}-${mm(lastDay)}`, label: `${y}年第${'一二三四'[q]}季度` };
}

let server: RunningServer;
let browser: Browser;
let periodId = 0;
let memberId = 0;
let colleagueId = 0;
const screenshots = join(import.meta.dirname, 'screenshots');

type Admin = Awaited<ReturnType<typeof apiSession>>;
let admin: Admin;

/**
 * Through the API as the administrator: 区公安分局 with its section 金沙派出所; two officers in the
 * section (the member and a colleague) and the 分局's leader; a routine person scheme whose three
 * indicators (key 重点, regular 常规, dynamic 动态) are rated by the leader, 好 capped at 50 %; and this
 * quarter's period, open for summaries.
 */
async function preparePractice(): Promise<void> {
  admin = await apiSession(server.url, 'admin', ADMIN_PASSWORD);
  const bureau = await admin.send<{ id: number }>('POST', '/api/units', { code: 'CY', name: '区公安分局', type: 'department', parentId: null });
  const station = await admin.send<{ id: number }>('POST', '/api/units', { code: 'CY-JS', name: '金沙派出所', type: 'section', parentId: bureau.id });
  const member = await admin.send<{ id: number }>('POST', '/api/people', { employeeNo: 'C001', name: MEMBER.name, unitId: station.id });
  const colleague = await admin.send<{ id: number }>('POST', '/api/people', { employeeNo: 'C002', name: COLLEAGUE.name, unitId: station.id });
  const leader = await admin.send<{ id: number }>('POST', '/api/people', { employeeNo: 'C003', name: LEADER.name, unitId: bureau.id });
  memberId = member.id;
  colleagueId = colleague.id;
  await admin.send('POST', '/api/accounts', { username: MEMBER.username, personId: member.id, roles: [{ role: 'member' }], password: TEMPORARY_PASSWORD });
  await admin.send('POST', '/api/accounts', {
    username: LEADER.username,
    personId: leader.id,
    roles: [{ role: 'member' }, { role: 'leader', unitId: bureau.id }],
    password: TEMPORARY_PASSWORD,
  });
  for (const account of [MEMBER, LEADER]) {
    const session = await apiSession(server.url, account.username, TEMPORARY_PASSWORD);
    await session.send('POST', '/api/auth/password', { currentPassword: TEMPORARY_PASSWORD, newPassword: account.password });
  }

  const scheme = await admin.send<{ id: number }>('POST', '/api/schemes', {
    code: 'cy-routine',
    name: '区公安分局民警平时考核',
    subjectKind: 'person',
    definition: {
      name: '区公安分局民警平时考核',
      kind: 'routine',
      indicators: [
        { id: 'key_work', name: '重点工作', kind: 'key', method: 'rating', weight: 50, raterGroups: { leader: 1 } },
        { id: 'routine_work', name: '常规工作', kind: 'regular', method: 'rating', weight: 30, raterGroups: { leader: 1 } },
        { id: 'dyn_task', name: '动态任务', kind: 'dynamic', method: 'rating', weight: 20, raterGroups: { leader: 1 } },
      ],
      grouping: 'all',
      grades: [{ name: '好', quota: 0.5, minScore: 90 }, { name: '较好', minScore: 80 }, { name: '一般', minScore: 60 }, { name: '较差' }],
      quotaRounding: 'floor',
    },
  });
  const quarter = quarterOf(shanghaiToday());
  const period = await admin.send<{ id: number }>('POST', '/api/periods', {
    name: `${quarter.label}平时考核`,
    kind: 'quarter',
    startsOn: quarter.startsOn,
    endsOn: quarter.endsOn,
    schemeId: scheme.id,
    scopeUnitId: bureau.id,
    summaryDueOn: quarter.endsOn,
    reviewDueOn: quarter.endsOn,
  });
  await admin.send('POST', `/api/periods/${period.id}/transition`, { to: 'open' });
  periodId = period.id;
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer({ BATON_ADMIN_PASSWORD: ADMIN_PASSWORD, BATON_DEMO: '0' });
  browser = await launchChromium();
  await preparePractice();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const snap = screenshotter(screenshots, 'cycles-journey');

const openContext = (phone: boolean): Promise<Browsing> => openBrowsing(browser, phone);

/** The rating inputs of a person's card on the review page, in the scheme's order. */
function ratingInputs(card: ReturnType<Page['getByTestId']>) {
  return card.locator('input[data-testid="rating-input"], [data-testid="rating-input"] input');
}

describe('an officer submits his summary, his leader rates him with a live preview, the results are published, he appeals', () => {
  it('takes the summary, the ratings, the publication and an accepted appeal through to the officer’s new result', async () => {
    const member = await openContext(true);
    const leader = await openContext(false);
    const officeAdmin = await openContext(false);
    const mp = member.page;
    const lp = leader.page;
    const ap = officeAdmin.page;
    try {
      // 1. the officer opens his summary on his phone: pre-filled from his work log, with the deadline
      await signIn(mp, server.url, MEMBER.username, MEMBER.password);
      await mp.goto(`${server.url}/periods/${periodId}/summary`);
      const content = mp.locator('textarea[data-testid="summary-content"], [data-testid="summary-content"] textarea');
      await content.waitFor({ timeout: 15_000 });
      await mp.getByTestId('summary-prefilled').waitFor({ timeout: 5_000 });
      await expect(mp.getByTestId('summary-status').getAttribute('data-status')).resolves.toBe('none');
      await expect(mp.getByTestId('summary-due').innerText()).resolves.toContain('小结截止');
      const prefill = await content.inputValue();
      expect(prefill.length).toBeGreaterThan(0);
      await snap(mp, '01-member-summary-prefilled');

      // he completes it, saves a draft, then submits (a confirmation: submitted is final)
      await content.fill(`${prefill}\n${SUMMARY_ADDITION}`);
      await mp.getByTestId('summary-save').click();
      await mp.locator('.ant-message-notice', { hasText: '草稿已保存' }).waitFor({ timeout: 10_000 });
      await expect(mp.getByTestId('summary-status').getAttribute('data-status')).resolves.toBe('draft');
      await mp.getByTestId('summary-submit').click();
      const confirm = mp.locator('.ant-modal-confirm');
      await confirm.waitFor({ timeout: 5_000 });
      await expect(confirm.innerText()).resolves.toContain('提交后不能再修改');
      await mp.waitForTimeout(300);
      await snap(mp, '02-member-summary-confirm', false);
      await confirm.locator('.ant-btn-primary').click();
      await mp.locator('[data-testid="summary-status"][data-status="submitted"]').waitFor({ timeout: 10_000 });
      await expect(mp.getByTestId('summary-readonly').innerText()).resolves.toContain(SUMMARY_ADDITION);
      await expect(mp.getByTestId('summary-submit').count()).resolves.toBe(0);
      await snap(mp, '03-member-summary-submitted');

      // 2. the organization department moves the period to review (审核评鉴)
      await admin.send('POST', `/api/periods/${periodId}/transition`, { to: 'reviewing' });

      // 3. the leader opens the review sheet: both officers, the member's summary, no ratings yet
      await signIn(lp, server.url, LEADER.username, LEADER.password);
      await lp.goto(`${server.url}/periods/${periodId}/review`);
      const memberCard = lp.locator(`[data-testid="review-card"][data-person="${memberId}"]`);
      const colleagueCard = lp.locator(`[data-testid="review-card"][data-person="${colleagueId}"]`);
      await memberCard.waitFor({ timeout: 15_000 });
      await expect(lp.getByTestId('review-card').count()).resolves.toBe(2); // he is not on his own sheet
      await expect(colleagueCard.getByTestId('summary-missing').count()).resolves.toBe(1);
      await memberCard.getByText('个人小结').click();
      await expect(memberCard.getByTestId('review-summary-text').innerText()).resolves.toContain(SUMMARY_ADDITION);
      const memberPreview = memberCard.getByTestId('review-preview');
      await expect(memberPreview.getAttribute('data-total')).resolves.toBe('0');
      await snap(lp, '04-leader-sheet');

      // he rates the member; the preview follows as he types (nothing saved yet)
      const inputs = ratingInputs(memberCard);
      await inputs.nth(0).fill('92');
      await inputs.nth(1).fill('90');
      await inputs.nth(2).fill('95');
      await memberCard.getByTestId('task-input').fill('冬季防火专项检查');
      // 0.5 × 92 + 0.3 × 90 + 0.2 × 95 = 92 → 好, and the one seat of 好 (50 % of 3) is taken
      await lp.locator(`[data-testid="review-card"][data-person="${memberId}"] [data-testid="review-preview"][data-total="92"]`).waitFor({ timeout: 10_000 });
      await expect(memberPreview.getAttribute('data-grade')).resolves.toBe('好');
      await lp.locator('[data-testid="quota-cell"][data-grade="好"][data-full="true"]').waitFor({ timeout: 5_000 });
      await expect(memberCard.getAttribute('data-dirty')).resolves.toBe('true');
      await expect(lp.getByTestId('review-dirty-count').getAttribute('data-count')).resolves.toBe('1');
      await snap(lp, '05-leader-preview-moved');

      // a rating with three decimals is refused in the form
      const colleagueInputs = ratingInputs(colleagueCard);
      await colleagueInputs.nth(0).fill('85.125');
      await colleagueCard.getByTestId('rating-issue').filter({ hasText: '最多两位小数' }).waitFor({ timeout: 5_000 });
      await expect(colleagueCard.getByTestId('review-save').isDisabled()).resolves.toBe(true);
      await colleagueInputs.nth(0).fill('85');
      await colleagueInputs.nth(1).fill('85');
      await colleagueInputs.nth(2).fill('85');
      await lp.locator(`[data-testid="review-card"][data-person="${colleagueId}"] [data-testid="review-preview"][data-total="85"]`).waitFor({ timeout: 10_000 });

      // saves both at once
      await lp.getByTestId('review-save-all').click();
      await lp.locator('.ant-message-notice', { hasText: '已保存 2 人的评分' }).waitFor({ timeout: 15_000 });
      await lp.locator('[data-testid="review-dirty-count"][data-count="0"]').waitFor({ timeout: 10_000 });
      await expect(memberPreview.getAttribute('data-total')).resolves.toBe('92');
      await snap(lp, '06-leader-saved');

      // 4. the organization department publishes the results (公示): result version 1
      const published = await admin.send<{ state: string; resultVersion: number; publicityStartsOn: string; publicityEndsOn: string }>(
        'POST',
        `/api/periods/${periodId}/transition`,
        { to: 'publicity' },
      );
      expect(published.state).toBe('publicity');
      expect(published.resultVersion).toBe(1);

      // the committee view: the distribution against the quota and the published table
      await signIn(ap, server.url, 'admin', ADMIN_PASSWORD);
      await ap.goto(`${server.url}/periods/${periodId}/results`);
      const table = ap.getByTestId('results-table');
      await table.locator('tbody tr', { hasText: MEMBER.name }).waitFor({ timeout: 15_000 });
      await expect(ap.getByTestId('results-version-tag').innerText()).resolves.toContain('第 1 版');
      await expect(ap.getByTestId('results-live-banner').count()).resolves.toBe(0);
      await ap.getByTestId('distribution-chart').waitFor({ timeout: 5_000 });
      await snap(ap, '07-admin-results');
      await table.locator('tbody tr', { hasText: MEMBER.name }).click();
      const drawer = ap.getByTestId('result-detail');
      await drawer.waitFor({ timeout: 5_000 });
      await expect(drawer.getByTestId('result-total').innerText()).resolves.toBe('92');
      await expect(drawer.getByTestId('explain-line').first().innerText()).resolves.toContain('key_work');
      await ap.waitForTimeout(300);
      await snap(ap, '08-admin-result-drawer', false);

      // 5. the officer sees his own result on his phone: total, grade, rank in his group, and why
      await mp.goto(`${server.url}/periods/${periodId}/results`);
      const mine = mp.getByTestId('my-result');
      await mine.waitFor({ timeout: 15_000 });
      await expect(mine.getByTestId('result-total').innerText()).resolves.toBe('92');
      await expect(mine.getByTestId('grade-tag').first().innerText()).resolves.toBe('好');
      await expect(mine.getByTestId('result-group-rank').innerText()).resolves.toContain('组内第 1 名');
      await expect(mine.getByTestId('result-indicators').innerText()).resolves.toContain('重点工作');
      await expect(mp.getByTestId('publicity-window').innerText()).resolves.toContain(published.publicityEndsOn);
      await expect(mp.getByTestId('results-table').count()).resolves.toBe(0);
      await snap(mp, '09-member-result');

      // 6. he disagrees: from his report card on his phone he appeals, with a photo of his inspection record
      await mp.goto(`${server.url}/report-cards/me`);
      const panel = mp.locator('[data-testid="appeal-panel"][data-can-appeal="true"]');
      await panel.waitFor({ timeout: 15_000 });
      await expect(panel.getByTestId('appeal-hint').innerText()).resolves.toContain(published.publicityEndsOn);
      await panel.getByTestId('appeal-open').click();
      const appealModal = mp.locator('.ant-modal', { hasText: '对考核结果提出申诉' });
      await appealModal.waitFor({ timeout: 5_000 });
      // a blank reason is refused in the form
      await mp.getByTestId('appeal-send').click();
      await appealModal.getByText('请填写申诉理由').waitFor({ timeout: 5_000 });
      await mp.locator('textarea[data-testid="appeal-reason"], [data-testid="appeal-reason"] textarea').fill(APPEAL_REASON);
      await appealModal.locator('input[type="file"]').setInputFiles({ name: '防火检查记录.png', mimeType: 'image/png', buffer: tinyPng() });
      await appealModal.locator('.ant-upload-list-item').first().waitFor({ timeout: 5_000 });
      await mp.waitForTimeout(300);
      await snap(mp, '10-member-appeal-form', false);
      await mp.getByTestId('appeal-send').click();
      const myAppeal = mp.locator('[data-testid="my-appeal"][data-status="pending"]');
      await myAppeal.waitFor({ timeout: 15_000 });
      await expect(myAppeal.getByTestId('appeal-reason-text').innerText()).resolves.toBe(APPEAL_REASON);
      await myAppeal.getByTestId('attachment-image').waitFor({ timeout: 10_000 });
      await expect(mp.getByTestId('appeal-attachments-failed').count()).resolves.toBe(0);
      // one pending appeal at a time: the button is gone, the withdraw button is there
      await expect(mp.getByTestId('appeal-open').count()).resolves.toBe(0);
      await expect(myAppeal.getByTestId('appeal-withdraw').count()).resolves.toBe(1);
      await snap(mp, '11-member-appeal-pending');

      // 7. his leader re-rates him during publicity (复核): only the appellant's card is open
      await lp.goto(`${server.url}/periods/${periodId}/review`);
      const appealCard = lp.locator(`[data-testid="review-card"][data-person="${memberId}"][data-appeal-pending="true"]`);
      await appealCard.waitFor({ timeout: 15_000 });
      await lp.getByTestId('review-appeal-mode').waitFor({ timeout: 5_000 });
      await expect(appealCard.getByTestId('appeal-pending-tag').innerText()).resolves.toBe('申诉复核中');
      await expect(ratingInputs(colleagueCard).nth(0).isDisabled()).resolves.toBe(true);
      const reRate = ratingInputs(appealCard);
      await reRate.nth(0).fill('100');
      // 0.5 × 100 + 0.3 × 90 + 0.2 × 95 = 96
      await lp.locator(`[data-testid="review-card"][data-person="${memberId}"] [data-testid="review-preview"][data-total="96"]`).waitFor({ timeout: 10_000 });
      await appealCard.getByTestId('review-save').click();
      await lp.locator('.ant-message-notice', { hasText: `已保存 ${MEMBER.name} 的评分` }).waitFor({ timeout: 15_000 });
      await lp.locator('[data-testid="review-dirty-count"][data-count="0"]').waitFor({ timeout: 10_000 });
      await snap(lp, '12-leader-rerated');

      // 8. the organization department reads the appeal and accepts it: result version 2, and who changed
      await ap.goto(`${server.url}/appeals?status=pending`);
      const appealRow = ap.locator('[data-testid="appeal-row"]', { hasText: MEMBER.name });
      await appealRow.waitFor({ timeout: 15_000 });
      await appealRow.click();
      const detail = ap.locator('[data-testid="appeal-detail"][data-status="pending"]');
      await detail.waitFor({ timeout: 10_000 });
      await expect(detail.getByTestId('appeal-detail-reason').innerText()).resolves.toBe(APPEAL_REASON);
      await expect(detail.getByTestId('appeal-old-result').getAttribute('data-total')).resolves.toBe('92');
      await detail.getByTestId('attachment-image').waitFor({ timeout: 10_000 });
      // the note is required
      await detail.getByTestId('appeal-accept').click();
      await detail.getByTestId('appeal-note-error').filter({ hasText: '请填写处理意见' }).waitFor({ timeout: 5_000 });
      await ap.locator('textarea[data-testid="appeal-note"], [data-testid="appeal-note"] textarea').fill(APPEAL_NOTE);
      await detail.getByTestId('appeal-accept').click();
      const decideConfirm = ap.locator('.ant-modal-confirm');
      await decideConfirm.waitFor({ timeout: 5_000 });
      await expect(decideConfirm.innerText()).resolves.toContain('第 2 版');
      await ap.getByTestId('appeal-decide-confirm').click();
      const outcome = ap.getByTestId('appeal-outcome');
      await outcome.waitFor({ timeout: 20_000 });
      await expect(outcome.innerText()).resolves.toContain('第 1 版 → 第 2 版');
      const change = outcome.locator(`[data-testid="appeal-change"][data-person="${memberId}"]`);
      await expect(change.innerText()).resolves.toMatch(/总分 92\s*→?\s*96/);
      await ap.locator('[data-testid="appeal-detail"][data-status="accepted"]').waitFor({ timeout: 10_000 });
      await expect(ap.getByTestId('appeal-new-result').getAttribute('data-total')).resolves.toBe('96');
      await ap.waitForTimeout(300);
      await snap(ap, '13-admin-appeal-accepted', false);

      // 9. the officer reads the decision and his new result (version 2) on his phone
      await mp.goto(`${server.url}/report-cards/me`);
      const decided = mp.locator('[data-testid="my-appeal"][data-status="accepted"]');
      await decided.waitFor({ timeout: 15_000 });
      await expect(decided.getByTestId('appeal-decision-note').innerText()).resolves.toBe(APPEAL_NOTE);
      await expect(decided.getByTestId('appeal-new-result').getAttribute('data-total')).resolves.toBe('96');
      await expect(mp.getByTestId('report-card-total').innerText()).resolves.toBe('96');
      await expect(mp.locator('.rc-footer').innerText()).resolves.toContain('第 2 版');
      await snap(mp, '14-member-appeal-accepted');

      expect(member.errors).toEqual([]);
      expect(leader.errors).toEqual([]);
      expect(officeAdmin.errors).toEqual([]);
    } catch (error) {
      await snap(mp, 'failure-member').catch(() => undefined);
      await snap(lp, 'failure-leader').catch(() => undefined);
      await snap(ap, 'failure-admin').catch(() => undefined);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: error });
    } finally {
      await member.context.close();
      await leader.context.close();
      await officeAdmin.context.close();
    }
  });
});
