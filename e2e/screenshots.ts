/**
 * Screenshots of every page at desktop (1280×800) and phone (375×812) widths, for a
 * person to look at. Run against a running server:
 *
 *   BATON_URL=http://localhost:3000 BATON_ADMIN_PASSWORD=… npx tsx e2e/screenshots.ts
 *
 * Files go to e2e/screenshots/ (gitignored) as <width>-<page>.png.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchChromium, signIn } from './support/browser';

const baseUrl = (process.env.BATON_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const username = process.env.BATON_USER ?? 'admin';
const password = process.env.BATON_PASSWORD ?? process.env.BATON_ADMIN_PASSWORD;
const language = process.env.BATON_LANGUAGE ?? 'zh-CN';
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

async function shootAll(browser: Browser, viewport: { width: number; height: number }, label: string): Promise<string[]> {
  const phone = viewport.width < 768;
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: language, isMobile: phone, hasTouch: phone });
  await context.addInitScript((lang) => window.localStorage.setItem('baton.language', lang), language);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${label} page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${label} console: ${msg.text()}`);
  });
  const written: string[] = [];

  await page.goto(`${baseUrl}/sign-in`);
  await settle(page);
  const signInFile = join(outDir, `${label}-sign-in.png`);
  await page.screenshot({ path: signInFile, fullPage: true });
  written.push(signInFile);

  if (!password) throw new Error('Set BATON_PASSWORD or BATON_ADMIN_PASSWORD');
  await signIn(page, baseUrl, username, password);

  for (const shot of shots) {
    await page.goto(`${baseUrl}${shot.path}`);
    await settle(page);
    if (shot.act) {
      await shot.act(page, phone);
      await settle(page);
    }
    const file = join(outDir, `${label}-${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: shot.fullPage ?? true });
    written.push(file);
    // horizontal overflow of the page itself is what a phone user stumbles on
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 1) problems.push(`${label} ${shot.name}: page is ${overflow}px wider than the viewport`);
  }
  await context.close();
  for (const p of problems) console.warn(`! ${p}`);
  return written;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const files = [...(await shootAll(browser, DESKTOP, 'desktop')), ...(await shootAll(browser, PHONE, 'phone'))];
    console.log(`${files.length} screenshots in ${outDir}`);
  } finally {
    await browser.close();
  }
}

await main();
