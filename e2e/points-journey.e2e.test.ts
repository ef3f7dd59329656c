/**
 * The dynamic-points journey (动态积分 · 实时排名, issue 5) in real Chromium against the real server,
 * with three browsers at once: a police officer has the ranking of the month open on his phone → his
 * leader proposes +2 for him (上级通报表扬) with the notice as evidence → an administrator of the
 * organization department approves it in the pending queue → the officer's open ranking page shows
 * the new points and his new rank without a reload → his own page lists the event with its evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium, openBrowsing, pickOption, screenshotter, signIn, type Browsing } from './support/browser';
import { apiSession, ensureWebBuilt, shanghaiToday, startServer, type RunningServer } from './support/server';

const ADMIN_PASSWORD = 'e2e-admin-Pa55word';
const TEMPORARY_PASSWORD = 'Temp-Pa55word-1';
const MEMBER = { username: 'pt_member', password: 'Member-Pa55word', name: '李明' };
const COLLEAGUE = { name: '王强' };
const LEADER = { username: 'pt_leader', password: 'Leader-Pa55word', name: '赵国栋' };
const APPROVER = { username: 'pt_approver', password: 'Approver-Pa55word' };

const EVIDENCE = '市局通报表扬：成功破获辖区系列盗窃电动车案件';
const COLLEAGUE_EVIDENCE = '区委政法委通报表扬：矛盾纠纷化解成效明显';

function monthOf(day: string): { startsOn: string; endsOn: string; label: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { startsOn: `${y}-${mm}-01`, endsOn: `${y}-${mm}-${String(last).padStart(2, '0')}`, label: `${y}年${m}月` };
}

let server: RunningServer;
let browser: Browser;
let periodId = 0;
const screenshots = join(import.meta.dirname, 'screenshots');

/**
 * Through the API as the administrator: 区公安分局 with its section 金沙派出所; two officers in the
 * section (the member and a colleague), the 分局's leader, a second administrator who approves (the
 * proposer never approves his own); a person scheme with two deduction ledgers and an extra
 * commendation ledger, the rule 上级通报表扬 +2, and this month's period, open. The colleague already
 * has +1, so the member starts second and the approval moves him to first.
 */
async function preparePractice(): Promise<void> {
  const admin = await apiSession(server.url, 'admin', ADMIN_PASSWORD);
  const bureau = await admin.send<{ id: number }>('POST', '/api/units', { code: 'PT', name: '区公安分局', type: 'department', parentId: null });
  const station = await admin.send<{ id: number }>('POST', '/api/units', { code: 'PT-JS', name: '金沙派出所', type: 'section', parentId: bureau.id });
  const member = await admin.send<{ id: number }>('POST', '/api/people', { employeeNo: 'P001', name: MEMBER.name, unitId: station.id });
  const colleague = await admin.send<{ id: number }>('POST', '/api/people', { employeeNo: 'P002', name: COLLEAGUE.name, unitId: station.id });
  const leader = await admin.send<{ id: number }>('POST', '/api/people', { employeeNo: 'P003', name: LEADER.name, unitId: bureau.id });
  await admin.send('POST', '/api/accounts', { username: MEMBER.username, personId: member.id, roles: [{ role: 'member' }], password: TEMPORARY_PASSWORD });
  await admin.send('POST', '/api/accounts', {
    username: LEADER.username,
    personId: leader.id,
    roles: [{ role: 'member' }, { role: 'leader', unitId: bureau.id }],
    password: TEMPORARY_PASSWORD,
  });
  await admin.send('POST', '/api/accounts', { username: APPROVER.username, roles: [{ role: 'admin' }], password: TEMPORARY_PASSWORD });
  for (const account of [MEMBER, LEADER, APPROVER]) {
    const session = await apiSession(server.url, account.username, TEMPORARY_PASSWORD);
    await session.send('POST', '/api/auth/password', { currentPassword: TEMPORARY_PASSWORD, newPassword: account.password });
  }

  const scheme = await admin.send<{ id: number }>('POST', '/api/schemes', {
    code: 'pt-police-points',
    name: '区公安分局民警动态积分',
    subjectKind: 'person',
    definition: {
      name: '区公安分局民警动态积分',
      kind: 'routine',
      indicators: [
        { id: 'style', name: '执法作风', kind: 'regular', method: 'ledger', weight: 50 },
        { id: 'performance', name: '岗位实绩', kind: 'key', method: 'ledger', weight: 50 },
        { id: 'commendation', name: '表彰加分', kind: 'dynamic', method: 'ledger', extra: true, base: 0, min: 0, max: 10 },
      ],
      grouping: 'all',
      grades: [{ name: '好', quota: 0.5, minScore: 95 }, { name: '一般', minScore: 80 }, { name: '较差' }],
      quotaRounding: 'floor',
    },
  });
  const rule = await admin.send<{ id: number }>('POST', '/api/point-rules', {
    schemeId: scheme.id,
    code: 'TB-BY',
    name: '上级通报表扬',
    indicator: 'commendation',
    defaultDelta: 2,
    minDelta: 0.5,
    maxDelta: 5,
    defaultSource: 'superior_notice',
    description: '市局、区委区政府书面通报表扬',
  });
  const today = shanghaiToday();
  const month = monthOf(today);
  const period = await admin.send<{ id: number }>('POST', '/api/periods', {
    name: `区公安分局民警动态积分 ${month.label}`,
    kind: 'month',
    startsOn: month.startsOn,
    endsOn: month.endsOn,
    schemeId: scheme.id,
    scopeUnitId: bureau.id,
  });
  await admin.send('POST', `/api/periods/${period.id}/transition`, { to: 'open' });
  periodId = period.id;

  // the colleague's +1 of earlier this month: proposed by the leader, approved by the administrator
  const leaderApi = await apiSession(server.url, LEADER.username, LEADER.password);
  const earlier = await leaderApi.send<{ id: number }>('POST', '/api/point-events', {
    ruleId: rule.id,
    personId: colleague.id,
    occurredOn: today,
    delta: 1,
    evidenceText: COLLEAGUE_EVIDENCE,
  });
  await admin.send('POST', `/api/point-events/${earlier.id}/approve`, {});
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

const snap = screenshotter(screenshots, 'points-journey');

const openContext = (phone: boolean): Promise<Browsing> => openBrowsing(browser, phone);

describe('a leader proposes points for an officer, an administrator approves, the officer’s open ranking follows', () => {
  it('updates the member’s ranking page live, and his own page shows the event with its evidence', async () => {
    const member = await openContext(true);
    const leader = await openContext(true);
    const approver = await openContext(false);
    const mp = member.page;
    const lp = leader.page;
    const ap = approver.page;
    try {
      // the member opens this month's ranking on his phone: the colleague first, he shares 2nd place with the leader (no points yet)
      await signIn(mp, server.url, MEMBER.username, MEMBER.password);
      await mp.goto(`${server.url}/rankings?period=${periodId}`);
      const myRank = mp.getByTestId('my-rank');
      await myRank.waitFor({ timeout: 15_000 });
      await expect(myRank.innerText()).resolves.toContain('第 2 名 / 共 3 人');
      const rows = mp.getByTestId('ranking-list').getByTestId('ranking-row');
      await rows.nth(2).waitFor({ timeout: 10_000 });
      await expect(rows.count()).resolves.toBe(3);
      await expect(rows.nth(0).innerText()).resolves.toContain(COLLEAGUE.name);
      await expect(rows.nth(0).innerText()).resolves.toContain('101');
      const mine = rows.filter({ hasText: MEMBER.name });
      await expect(mine.getAttribute('class')).resolves.toContain('row-me');
      await expect(mine.innerText()).resolves.toContain('100');
      await mp.locator('[data-testid="live-indicator"][data-state="live"]').waitFor({ timeout: 15_000 });
      // a marker that only survives as long as the page is not reloaded
      await mp.evaluate(() => ((window as unknown as { __noReload: string }).__noReload = 'still here'));
      let navigations = 0;
      mp.on('framenavigated', (frame) => {
        if (frame === mp.mainFrame()) navigations += 1;
      });
      await snap(mp, '01-member-ranking-before');

      // the leader, on his phone, proposes 上级通报表扬 +2 for the member with the notice as evidence
      await signIn(lp, server.url, LEADER.username, LEADER.password);
      await lp.goto(`${server.url}/points/events`);
      await lp.getByTestId('propose-event').click();
      const drawer = lp.getByTestId('propose-drawer');
      await drawer.waitFor({ timeout: 10_000 });
      await drawer.getByTestId('scheme-select').filter({ hasText: '区公安分局民警动态积分' }).waitFor({ timeout: 10_000 });
      await drawer.getByTestId('person-picker').click();
      await drawer.getByTestId('person-picker').locator('input').fill('李明');
      await pickOption(lp, `${MEMBER.name} · 金沙派出所`);
      await drawer.getByTestId('rule-select').click();
      await pickOption(lp, '上级通报表扬');
      await expect(drawer.locator('input[data-testid="delta-input"], [data-testid="delta-input"] input').inputValue()).resolves.toBe('2.00');
      await expect(drawer.getByTestId('delta-bounds').innerText()).resolves.toContain('+0.5');
      await drawer.locator('textarea[data-testid="evidence-input"], [data-testid="evidence-input"] textarea').fill(EVIDENCE);
      await lp.waitForTimeout(300); // the drawer has slid in
      await snap(lp, '02-leader-proposing', false);
      await drawer.getByTestId('propose-submit').click();
      // the new event opens: waiting for someone else's approval
      const proposed = lp.getByTestId('event-detail');
      await proposed.waitFor({ timeout: 15_000 });
      await expect(proposed.innerText()).resolves.toContain(EVIDENCE);
      await expect(proposed.innerText()).resolves.toContain('待审批');
      await expect(proposed.getByTestId('approve-event').count()).resolves.toBe(0);
      await lp.waitForTimeout(300);
      await snap(lp, '03-leader-proposed', false);

      // nothing counts before the approval
      await expect(myRank.innerText()).resolves.toContain('第 2 名 / 共 3 人');

      // the organization department's administrator approves it in the pending queue
      await signIn(ap, server.url, APPROVER.username, APPROVER.password);
      await ap.goto(`${server.url}/points/events?tab=pending`);
      const pendingRow = ap.getByTestId('pending-list').getByTestId('event-row').filter({ hasText: MEMBER.name });
      await pendingRow.waitFor({ timeout: 15_000 });
      await expect(pendingRow.innerText()).resolves.toContain('上级通报表扬');
      await expect(pendingRow.innerText()).resolves.toContain(EVIDENCE);
      await snap(ap, '04-admin-pending');
      await pendingRow.getByTestId('approve-event').click();
      await ap.getByTestId('approve-confirm').click();
      await ap.locator('.ant-message-notice', { hasText: '已通过' }).waitFor({ timeout: 15_000 });
      await ap.getByTestId('pending-list').getByTestId('event-row').filter({ hasText: MEMBER.name }).waitFor({ state: 'detached', timeout: 15_000 });
      await snap(ap, '05-admin-approved');

      // the member's open ranking page follows by itself: +2, first of three
      await myRank.filter({ hasText: '第 1 名 / 共 3 人' }).waitFor({ timeout: 5_000 });
      await expect(myRank.innerText()).resolves.toContain('+2');
      await rows.nth(0).filter({ hasText: MEMBER.name }).waitFor({ timeout: 5_000 });
      await expect(rows.nth(0).innerText()).resolves.toContain('102');
      await expect(rows.nth(1).innerText()).resolves.toContain(COLLEAGUE.name);
      await expect(rows.nth(2).innerText()).resolves.toContain(LEADER.name);
      await mp.getByTestId('live-updated').waitFor({ timeout: 5_000 });
      await expect(mp.evaluate(() => (window as unknown as { __noReload?: string }).__noReload)).resolves.toBe('still here');
      expect(navigations).toBe(0);
      await snap(mp, '06-member-ranking-after');

      // "why": his own page lists the approved event with the evidence
      await myRank.getByText('查看积分明细').click();
      await mp.waitForURL((url) => url.pathname === '/points/me');
      const why = mp.getByTestId('why-events');
      const card = why.getByTestId('event-card').filter({ hasText: '上级通报表扬' });
      await card.waitFor({ timeout: 15_000 });
      await expect(card.getByTestId('evidence-text').innerText()).resolves.toBe(EVIDENCE);
      await expect(card.innerText()).resolves.toContain('+2');
      await expect(mp.getByTestId('points-summary').innerText()).resolves.toContain('+2');
      await snap(mp, '07-member-my-points');
      // the event itself: who proposed it and who approved it
      await card.click();
      const detail = mp.getByTestId('event-detail');
      await detail.waitFor({ timeout: 10_000 });
      await expect(detail.innerText()).resolves.toContain(LEADER.name);
      await expect(detail.innerText()).resolves.toContain('表彰加分');
      await expect(detail.getByTestId('evidence-text').innerText()).resolves.toBe(EVIDENCE);
      await mp.waitForTimeout(300);
      await snap(mp, '08-member-event', false);

      expect(member.errors).toEqual([]);
      expect(leader.errors).toEqual([]);
      expect(approver.errors).toEqual([]);
    } catch (error) {
      await snap(mp, 'failure-member').catch(() => undefined);
      await snap(lp, 'failure-leader').catch(() => undefined);
      await snap(ap, 'failure-admin').catch(() => undefined);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: error });
    } finally {
      await member.context.close();
      await leader.context.close();
      await approver.context.close();
    }
  });
});
