/**
 * Screenshots of every page at desktop (1280×800) and phone (375×812) widths, for a
 * person to look at. Run against a running server:
 *
 *   BATON_URL=http://localhost:3000 BATON_ADMIN_PASSWORD=… npx tsx e2e/screenshots.ts
 *
 * With the demo organization, also the work-log pages as a member and as his leader:
 *
 *   BATON_DEMO_PASSWORD=… [BATON_MEMBER=member_jinsha] [BATON_LEADER=leader_jinsha] npx tsx e2e/screenshots.ts
 *
 * Files go to e2e/screenshots/ (gitignored) as <width>-<page>.png (administrator) and
 * <width>-<member|leader>-<page>.png.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchChromium, signIn } from './support/browser';

const baseUrl = (process.env.BATON_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const username = process.env.BATON_USER ?? 'admin';
const password = process.env.BATON_PASSWORD ?? process.env.BATON_ADMIN_PASSWORD;
const language = process.env.BATON_LANGUAGE ?? 'zh-CN';
const demoPassword = process.env.BATON_DEMO_PASSWORD;
const memberUser = process.env.BATON_MEMBER ?? 'member_jinsha';
const leaderUser = process.env.BATON_LEADER ?? 'leader_jinsha';
const outDir = join(import.meta.dirname, 'screenshots');

interface Shot {
  name: string;
  path: string;
  /** Extra steps after the page settled (open a drawer, a tab …). */
  act?: (page: Page, phone: boolean) => Promise<void>;
  fullPage?: boolean;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // spinners and skeletons gone, animations done
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
}

const shots: Shot[] = [
  { name: 'home', path: '/' },
  { name: 'me', path: '/me' },
  { name: 'org-units', path: '/org' },
  {
    name: 'org-unit-edit',
    path: '/org',
    act: async (page) => {
      const edit = page.getByTestId('edit-unit');
      if (await edit.count()) await edit.click();
    },
    fullPage: false,
  },
  { name: 'org-categories', path: '/org?tab=categories' },
  { name: 'org-posts', path: '/org?tab=posts' },
  { name: 'people', path: '/people' },
  {
    name: 'people-search-zs',
    path: '/people?q=zs',
  },
  {
    name: 'person-drawer',
    path: '/people',
    act: async (page) => {
      const row = page.getByTestId('person-row').first();
      if (await row.count()) {
        await row.click();
        await page.getByTestId('assignment-timeline').waitFor({ timeout: 10_000 }).catch(() => undefined);
      }
    },
    fullPage: false,
  },
  {
    name: 'person-edit',
    path: '/people',
    act: async (page) => {
      const row = page.getByTestId('person-row').first();
      if (await row.count()) {
        await row.click();
        await page.locator('.ant-drawer .ant-tabs-tab').nth(1).click().catch(() => undefined);
      }
    },
    fullPage: false,
  },
  { name: 'imports', path: '/imports' },
  { name: 'accounts', path: '/accounts' },
  {
    name: 'accounts-create',
    path: '/accounts',
    act: async (page) => {
      await page.locator('.page-header button.ant-btn-primary').click();
    },
    fullPage: false,
  },
  { name: 'audit', path: '/audit' },
  {
    name: 'audit-expanded-verified',
    path: '/audit',
    act: async (page) => {
      await page.getByTestId('verify-chain').click();
      await page.getByTestId('verify-result').waitFor({ timeout: 10_000 }).catch(() => undefined);
      const row = page.locator('.ant-table-row').first();
      if (await row.count()) await row.click();
    },
    fullPage: false,
  },
  { name: 'work-calendar', path: '/work-calendar' },
  {
    name: 'work-calendar-add',
    path: '/work-calendar',
    act: async (page) => {
      await page.getByTestId('calendar-add').click();
    },
    fullPage: false,
  },
  {
    name: 'work-calendar-import',
    path: '/work-calendar',
    act: async (page) => {
      await page.getByTestId('calendar-import').click();
    },
    fullPage: false,
  },
  { name: 'worklog-feed', path: '/worklog/feed' },
  { name: 'worklog-stats', path: '/worklog/stats' },
  { name: 'point-rules', path: '/points/rules' },
  {
    name: 'point-rule-replace',
    path: '/points/rules',
    act: async (page) => {
      const replace = page.getByTestId('replace-rule');
      if (await replace.count()) await replace.first().click();
    },
    fullPage: false,
  },
  { name: 'point-events', path: '/points/events' },
  { name: 'point-events-pending', path: '/points/events?tab=pending' },
  {
    name: 'point-event',
    path: '/points/events',
    act: async (page, phone) => {
      const row = page.getByTestId(phone ? 'event-card' : 'event-row');
      if (await row.count()) await row.first().click();
      await page.getByTestId('event-detail').waitFor({ timeout: 10_000 }).catch(() => undefined);
    },
    fullPage: false,
  },
  {
    name: 'point-propose',
    path: '/points/events',
    act: async (page) => {
      await page.getByTestId('propose-event').click();
    },
    fullPage: false,
  },
  { name: 'point-import', path: '/points/import' },
  { name: 'rankings', path: '/rankings' },
  { name: 'red-black', path: '/red-black' },
  { name: 'change-password', path: '/change-password' },
  {
    name: 'menu-open',
    path: '/',
    act: async (page, phone) => {
      if (phone) await page.getByTestId('nav-toggle').click();
      else await page.getByTestId('user-menu').click();
    },
    fullPage: false,
  },
];

/** Opens the first entry of a list in the entry drawer. */
async function openFirstEntry(page: Page): Promise<void> {
  const card = page.getByTestId('entry-card').first();
  if (await card.count()) {
    await card.locator('[data-testid="entry-content"]').click();
    await page.getByTestId('entry-detail').waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
}

/** The work log as a member lives in it: writing, his month, the team feed, his summaries, the bell. */
const memberShots: Shot[] = [
  { name: 'worklog', path: '/worklog' },
  {
    name: 'worklog-writing',
    path: '/worklog',
    act: async (page) => {
      await page.getByTestId('entry-content-input').fill('上午：走访辖区企业3家，了解用工需求\n下午：整理走访台账，形成问题清单');
      const extras = page.getByTestId('toggle-extras');
      if (!(await page.getByTestId('indicator-input').isVisible())) await extras.click();
    },
  },
  {
    name: 'worklog-edit',
    path: '/worklog',
    act: async (page) => {
      const edit = page.getByTestId('day-entries').getByTestId('edit-entry').first();
      if (await edit.count()) await edit.click();
    },
    fullPage: false,
  },
  { name: 'worklog-calendar', path: '/worklog/calendar' },
  {
    name: 'worklog-calendar-missed-day',
    path: '/worklog/calendar',
    act: async (page) => {
      const missed = page.locator('.month-missed').first();
      if (await missed.count()) await missed.click();
    },
  },
  { name: 'worklog-feed', path: '/worklog/feed' },
  {
    name: 'worklog-feed-filters',
    path: '/worklog/feed?q=%E8%B5%B0%E8%AE%BF',
    act: async (page) => {
      await page.getByTestId('feed-filter-toggle').click();
    },
  },
  { name: 'worklog-entry', path: '/worklog/feed', act: openFirstEntry, fullPage: false },
  { name: 'worklog-summary-week', path: '/worklog/summary' },
  { name: 'worklog-summary-month', path: '/worklog/summary?period=month' },
  { name: 'my-points', path: '/points/me' },
  { name: 'rankings', path: '/rankings' },
  { name: 'red-black', path: '/red-black' },
  {
    name: 'bell',
    path: '/worklog',
    act: async (page) => {
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-item').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    },
    fullPage: false,
  },
  {
    name: 'menu-open',
    path: '/worklog',
    act: async (page, phone) => {
      if (phone) await page.getByTestId('nav-toggle').click();
    },
    fullPage: false,
  },
];

/** A leader: the statistics of his subtree, spot checks, commenting and flagging in the feed, a colleague's summary. */
const leaderShots: Shot[] = [
  { name: 'worklog-stats', path: '/worklog/stats' },
  {
    name: 'worklog-stats-idle-1',
    path: '/worklog/stats?idle=1',
  },
  {
    name: 'worklog-spot-check',
    path: '/worklog/stats',
    act: async (page) => {
      // open the latest spot check; draw one only when there is none yet
      const past = page.getByTestId('spot-check-panel').locator('.ant-table-row').first();
      await page.getByTestId('spot-check-panel').locator('.ant-table').waitFor({ timeout: 10_000 }).catch(() => undefined);
      if (await past.count()) await past.click();
      else await page.getByTestId('spot-draw').click();
      await page.getByTestId('spot-entries').waitFor({ timeout: 10_000 }).catch(() => undefined);
    },
    fullPage: false,
  },
  { name: 'worklog-feed', path: '/worklog/feed' },
  { name: 'worklog-feed-flagged', path: '/worklog/feed?flagged=true' },
  { name: 'worklog-entry', path: '/worklog/feed', act: openFirstEntry, fullPage: false },
  { name: 'worklog-entry-full', path: '/worklog/feed', act: openFirstEntry },
  {
    name: 'worklog-summary-colleague',
    path: '/worklog/stats',
    act: async (page) => {
      // the most idle person, else the first of the people table: his monthly summary
      const rows = page.getByTestId('people-table').locator('.ant-table-row');
      await rows.first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      const idle = page.getByTestId('idle-card').locator('.ant-table-row').first();
      await ((await idle.count()) ? idle : rows.first()).click();
      await page.getByTestId('summary-stats').waitFor({ timeout: 10_000 }).catch(() => undefined);
    },
  },
  { name: 'worklog-calendar', path: '/worklog/calendar' },
  { name: 'point-events-pending', path: '/points/events?tab=pending' },
  { name: 'rankings', path: '/rankings' },
];

interface Who {
  /** '' for the administrator (file names as before), else a prefix such as "member". */
  prefix: string;
  username: string;
  password: string | undefined;
  shots: Shot[];
  /** The sign-in page is shot once, with the administrator. */
  signInShot: boolean;
}

async function shootAll(browser: Browser, viewport: { width: number; height: number }, label: string, who: Who): Promise<string[]> {
  const phone = viewport.width < 768;
  const prefix = who.prefix ? `${label}-${who.prefix}` : label;
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: language, isMobile: phone, hasTouch: phone });
  await context.addInitScript((lang) => window.localStorage.setItem('baton.language', lang), language);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${label} page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${label} console: ${msg.text()}`);
  });
  const written: string[] = [];

  if (who.signInShot) {
    await page.goto(`${baseUrl}/sign-in`);
    await settle(page);
    const signInFile = join(outDir, `${label}-sign-in.png`);
    await page.screenshot({ path: signInFile, fullPage: true });
    written.push(signInFile);
  }

  if (!who.password) throw new Error('Set BATON_PASSWORD or BATON_ADMIN_PASSWORD');
  await signIn(page, baseUrl, who.username, who.password);
  if (who.prefix) {
    // where this user lands right after signing in
    await settle(page);
    const landing = join(outDir, `${prefix}-landing.png`);
    await page.screenshot({ path: landing, fullPage: false });
    written.push(landing);
  }

  for (const shot of who.shots) {
    await page.goto(`${baseUrl}${shot.path}`);
    await settle(page);
    if (shot.act) {
      await shot.act(page, phone);
      await settle(page);
    }
    const file = join(outDir, `${prefix}-${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: shot.fullPage ?? true });
    written.push(file);
    // horizontal overflow of the page itself is what a phone user stumbles on
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 1) problems.push(`${prefix} ${shot.name}: page is ${overflow}px wider than the viewport`);
  }
  await context.close();
  for (const p of problems) console.warn(`! ${p}`);
  return written;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const people: Who[] = [{ prefix: '', username, password, shots, signInShot: true }];
    if (demoPassword) {
      people.push({ prefix: 'member', username: memberUser, password: demoPassword, shots: memberShots, signInShot: false });
      people.push({ prefix: 'leader', username: leaderUser, password: demoPassword, shots: leaderShots, signInShot: false });
    }
    const files: string[] = [];
    for (const who of people) {
      files.push(...(await shootAll(browser, DESKTOP, 'desktop', who)), ...(await shootAll(browser, PHONE, 'phone', who)));
    }
    console.log(`${files.length} screenshots in ${outDir}`);
  } finally {
    await browser.close();
  }
}

await main();
