/**
 * The work-log journey (工作纪实, "功夫下在平时") on a phone, in real Chromium against the real server:
 * a member signs in and lands on his work log → writes two entries (one over two lines linked to one
 * of his assessment indicators, one with a photo) → sees them in his month calendar → his leader, in a second browser, finds the entry in the
 * team feed and comments on it → the member sees the comment under his entry and the notification in
 * the header bell, opens it and replies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PHONE, launchChromium, signIn } from './support/browser';
import { apiSession, ensureWebBuilt, startServer, type RunningServer } from './support/server';

const ADMIN_PASSWORD = 'e2e-admin-Pa55word';
const TEMPORARY_PASSWORD = 'Temp-Pa55word-1';
const MEMBER = { username: 'wl_member', password: 'Member-Pa55word', name: '张晓明' };
const LEADER = { username: 'wl_leader', password: 'Leader-Pa55word', name: '陈建国' };

const FIRST_LINE = '上午走访辖区企业3家，了解用工需求';
const SECOND_LINE = '下午整理走访台账，形成问题清单';
const SECOND_ENTRY = '参加街道安全生产例会，部署节前检查';
const COMMENT = '情况掌握得细，下一步请附现场照片';
const REPLY = '收到，已补充现场照片';
const INDICATOR = '稳就业保民生';

/** A 1×1 PNG: an attachment the server recognises as an image by its content. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let server: RunningServer;
let browser: Browser;
const screenshots = join(import.meta.dirname, 'screenshots');

/**
 * The organization of the journey, through the API as the administrator: a street office with one
 * section; the member works in the section, his leader leads the street (so its subtree). Accounts
 * get known passwords by changing the temporary one, as a person would at first sign-in. The street
 * takes part in this year's open routine assessment, whose indicators the member links entries to.
 */
async function prepareOrganization(): Promise<void> {
  const admin = await apiSession(server.url, 'admin', ADMIN_PASSWORD);
  const street = await admin.send<{ id: number }>('POST', '/api/units', { code: 'WL', name: '示范街道', type: 'street', parentId: null });
  const office = await admin.send<{ id: number }>('POST', '/api/units', { code: 'WL-01', name: '示范街道党政办公室', type: 'section', parentId: street.id });
  const member = await admin.send<{ id: number }>('POST', '/api/people', { employeeNo: 'W001', name: MEMBER.name, unitId: office.id });
  const leader = await admin.send<{ id: number }>('POST', '/api/people', { employeeNo: 'W002', name: LEADER.name, unitId: street.id });
  await admin.send('POST', '/api/accounts', { username: MEMBER.username, personId: member.id, roles: [{ role: 'member' }], password: TEMPORARY_PASSWORD });
  await admin.send('POST', '/api/accounts', {
    username: LEADER.username,
    personId: leader.id,
    roles: [{ role: 'member' }, { role: 'leader', unitId: street.id }],
    password: TEMPORARY_PASSWORD,
  });
  const scheme = await admin.send<{ id: number }>('POST', '/api/schemes', {
    code: 'wl-routine', name: '示范街道平时考核', subjectKind: 'person',
    definition: {
      name: '示范街道平时考核', kind: 'routine',
      indicators: [
        { id: 'jobs', name: INDICATOR, kind: 'key', method: 'rating', weight: 70, raterGroups: { leader: 1 } },
        { id: 'conduct', name: '工作作风', kind: 'regular', method: 'rating', weight: 30, raterGroups: { leader: 1 } },
      ],
      grades: [{ name: '好', quota: 0.4 }, { name: '较好' }],
    },
  });
  const year = new Date().getFullYear();
  const period = await admin.send<{ id: number }>('POST', '/api/periods', {
    name: `${year}年平时考核`, kind: 'year', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, schemeId: scheme.id, scopeUnitId: street.id,
  });
  await admin.send('POST', `/api/periods/${period.id}/transition`, { to: 'open' });
  for (const account of [MEMBER, LEADER]) {
    const session = await apiSession(server.url, account.username, TEMPORARY_PASSWORD);
    await session.send('POST', '/api/auth/password', { currentPassword: TEMPORARY_PASSWORD, newPassword: account.password });
  }
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer({ BATON_ADMIN_PASSWORD: ADMIN_PASSWORD, BATON_DEMO: '0' });
  browser = await launchChromium();
  await prepareOrganization();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function snap(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `worklog-journey-${name}.png`), fullPage });
}

async function phoneContext(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Taps a work-log page in the bar under the header (填写 / 月历 / 动态 / 汇总 …). */
async function openTab(page: Page, label: string, path: string): Promise<void> {
  await page.getByTestId('worklog-tabs').locator('.ant-segmented-item', { hasText: label }).click();
  await page.waitForURL((url) => url.pathname === path);
}

describe('a member keeps his work log on his phone and his leader comments on it', () => {
  it('writes two entries, sees them in his calendar, gets the leader’s comment and the bell notification', async () => {
    const member = await phoneContext();
    const leader = await phoneContext();
    const { page } = member;
    try {
      // the member signs in and lands on his work log, with nothing written today
      await signIn(page, server.url, MEMBER.username, MEMBER.password);
      await page.waitForURL((url) => url.pathname === '/worklog');
      await expect(page.getByTestId('day-entries-title').innerText()).resolves.toContain('今天的纪实（0）');
      await snap(page, '01-member-landing');

      // first entry: a key task over two lines
      const form = page.getByTestId('entry-form');
      await form.locator('.ant-segmented-item', { hasText: '重点任务' }).click();
      await form.locator('textarea').fill(`${FIRST_LINE}\n${SECOND_LINE}`);
      // linked to one of his indicators, picked from a list (key ones first, with their kind)
      await page.getByTestId('toggle-extras').click();
      await page.getByTestId('indicator-input').click();
      const option = page.locator('.ant-select-item-option', { hasText: INDICATOR });
      await expect(option.innerText()).resolves.toContain('重点');
      await option.click();
      await snap(page, '02-member-writing');
      await page.getByTestId('entry-submit').click();
      const cards = page.getByTestId('day-entries').getByTestId('entry-card');
      await cards.filter({ hasText: FIRST_LINE }).waitFor({ timeout: 15_000 });
      await expect(form.locator('textarea').inputValue()).resolves.toBe('');

      // second entry: routine work, an hour, with a photo
      await form.locator('.ant-segmented-item', { hasText: '日常工作' }).click();
      await form.locator('textarea').fill(SECOND_ENTRY);
      if (!(await page.getByTestId('minutes-input').isVisible())) await page.getByTestId('toggle-extras').click();
      await form.locator('.quick-chip', { hasText: '1小时' }).click();
      const photo = join(server.dataDir, '现场照片.png');
      await writeFile(photo, PNG);
      await form.locator('input[type="file"]').setInputFiles(photo);
      await page.getByTestId('entry-submit').click();
      await cards.filter({ hasText: SECOND_ENTRY }).waitFor({ timeout: 15_000 });
      await expect(page.getByTestId('day-entries-title').innerText()).resolves.toContain('今天的纪实（2）');

      // what he sees: the line break kept as written, the kinds, the hour, the photo, still editable
      const first = cards.filter({ hasText: FIRST_LINE });
      await expect(first.getByTestId('entry-content').innerText()).resolves.toBe(`${FIRST_LINE}\n${SECOND_LINE}`);
      await expect(first.getByTestId('kind-tag').innerText()).resolves.toBe('重点任务');
      await expect(first.innerText()).resolves.toContain(`指标 ${INDICATOR}`);
      await expect(first.getByTestId('editable-until').innerText()).resolves.toMatch(/^可编辑至 /);
      const second = cards.filter({ hasText: SECOND_ENTRY });
      await expect(second.getByTestId('kind-tag').innerText()).resolves.toBe('日常工作');
      await expect(second.innerText()).resolves.toContain('1小时');
      await second.getByTestId('attachment-image').locator('img').waitFor({ timeout: 10_000 });
      const photoLoaded = await second.getByTestId('attachment-image').locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
      expect(photoLoaded).toBe(true);
      await snap(page, '03-member-two-entries');

      // his month: today carries a badge of 2; tapping it lists both entries
      await openTab(page, '月历', '/worklog/calendar');
      const today = page.locator('[data-testid="month-day"].month-today');
      await today.getByTestId('month-count').waitFor({ timeout: 15_000 });
      await expect(today.getByTestId('month-count').innerText()).resolves.toBe('2');
      await today.click();
      const day = page.getByTestId('calendar-day');
      await day.getByTestId('entry-card').nth(1).waitFor({ timeout: 10_000 });
      await expect(day.getByTestId('entry-card').count()).resolves.toBe(2);
      await snap(page, '04-member-calendar');

      // the leader, on his own phone, finds the entry in the team feed and comments on it
      const lp = leader.page;
      await signIn(lp, server.url, LEADER.username, LEADER.password);
      await openTab(lp, '动态', '/worklog/feed');
      const entry = lp.getByTestId('feed').getByTestId('entry-card').filter({ hasText: FIRST_LINE });
      await entry.waitFor({ timeout: 15_000 });
      await expect(entry.getByTestId('entry-author').innerText()).resolves.toBe(MEMBER.name);
      await snap(lp, '05-leader-feed');
      await entry.getByTestId('entry-content').click();
      const detail = lp.getByTestId('entry-detail');
      await detail.waitFor({ timeout: 10_000 });
      await expect(detail.getByTestId('entry-detail-content').innerText()).resolves.toBe(`${FIRST_LINE}\n${SECOND_LINE}`);
      await detail.getByTestId('comment-input').fill(COMMENT);
      await detail.getByTestId('comment-submit').click();
      await detail.getByTestId('comment').filter({ hasText: COMMENT }).waitFor({ timeout: 10_000 });
      await snap(lp, '06-leader-commented', false);

      // the member's bell shows the notification at its next poll (every 30 s) …
      await openTab(page, '填写', '/worklog');
      await page.locator('[data-testid="bell-badge"] .ant-badge-count[title="1"]').waitFor({ timeout: 45_000 });
      // … and his entry shows one comment
      const commented = page.getByTestId('day-entries').getByTestId('entry-card').filter({ hasText: FIRST_LINE });
      await commented.getByTestId('comment-count').filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
      await snap(page, '07-member-bell-badge');

      // the bell lists the notification; opening it shows the entry with the leader's comment
      await page.getByTestId('notification-bell').click();
      const notification = page.getByTestId('notification-item').first();
      await notification.waitFor({ timeout: 10_000 });
      await expect(notification.innerText()).resolves.toContain(`${LEADER.name}点评了你`);
      await page.waitForTimeout(400); // the drawer slides in
      await snap(page, '08-member-notifications', false);
      await notification.click();
      const mine = page.getByTestId('entry-detail');
      await mine.waitFor({ timeout: 10_000 });
      await expect(mine.getByTestId('comment').first().innerText()).resolves.toContain(COMMENT);
      await expect(mine.getByTestId('comment').first().innerText()).resolves.toContain(LEADER.name);

      // the author replies under the leader's comment; the notification is read now
      await mine.getByTestId('comment-input').fill(REPLY);
      await mine.getByTestId('comment-submit').click();
      await mine.getByTestId('comment').filter({ hasText: REPLY }).waitFor({ timeout: 10_000 });
      await snap(page, '09-member-replied', false);
      await page.locator('[data-testid="bell-badge"] .ant-badge-count').waitFor({ state: 'detached', timeout: 10_000 });

      expect(member.errors).toEqual([]);
      expect(leader.errors).toEqual([]);
    } catch (error) {
      await snap(page, 'failure-member').catch(() => undefined);
      await snap(leader.page, 'failure-leader').catch(() => undefined);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: error });
    } finally {
      await member.context.close();
      await leader.context.close();
    }
  });
});
