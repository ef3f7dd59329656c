/**
 * The organization journey of an administrator, in real Chromium against the real server:
 * sign in → import a roster .xlsx made from the server's own template → watch the import
 * finish → find a person by pinyin initials ("zs" → 张三) and open his record → sign out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DESKTOP, launchChromium, signIn, signOut } from './support/browser';
import { fillTemplate, sampleRoster } from './support/roster';
import { apiSession, ensureWebBuilt, startServer, type RunningServer } from './support/server';

const ADMIN_PASSWORD = 'e2e-admin-Pa55word';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer({ BATON_ADMIN_PASSWORD: ADMIN_PASSWORD, BATON_DEMO: '0' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const screenshots = join(import.meta.dirname, 'screenshots');

/** The roster made from the server's template; `broken` puts one person in a unit that does not exist. */
async function rosterFile(name: string, broken = false): Promise<string> {
  const api = await apiSession(server.url, 'admin', ADMIN_PASSWORD);
  const response = await api.get('/api/imports/org/template');
  expect(response.status, 'GET /api/imports/org/template').toBe(200);
  const roster = sampleRoster();
  if (broken && roster.people[3]) roster.people[3].unitCode = 'NO-SUCH-UNIT';
  const xlsx = await fillTemplate(await response.arrayBuffer(), roster);
  const file = join(server.dataDir, name);
  await writeFile(file, xlsx);
  return file;
}

async function snap(page: Page, name: string): Promise<void> {
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `journey-${name}.png`), fullPage: true });
}

describe('an administrator sets up the organization', () => {
  it('imports a roster, finds 张三 by the initials "zs", opens his record and signs out', async () => {
    const broken = await rosterFile('roster-broken.xlsx', true);
    const file = await rosterFile('roster.xlsx');
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page: Page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      // sign in
      await signIn(page, server.url, 'admin', ADMIN_PASSWORD);

      // import
      await page.locator('.ant-menu-item', { hasText: '导入导出' }).click();
      await page.waitForURL('**/imports');
      // a roster with a mistake is refused as a whole, and the table says where the mistake is
      await page.locator('input[type="file"]').setInputFiles(broken);
      await page.getByTestId('import-errors').waitFor({ timeout: 30_000 });
      const errors = await page.getByTestId('import-errors').innerText();
      expect(errors).toContain('人员');
      expect(errors).toContain('NO-SUCH-UNIT');
      await snap(page, 'import-refused');
      await page.getByRole('button', { name: '再导入一个文件' }).click();

      // the corrected roster is imported, with progress, and the counts are shown
      await page.locator('input[type="file"]').setInputFiles(file);
      const outcome = page.locator('[data-testid="import-succeeded"], [data-testid="import-rejected"], .ant-result-error');
      await outcome.first().waitFor({ timeout: 60_000 });
      if ((await page.locator('[data-testid="import-rejected"], .ant-result-error').count()) > 0) {
        throw new Error(`the import was refused: ${await page.locator('.ant-card-body').first().innerText()}`);
      }
      const result = await page.getByTestId('job-result').innerText();
      expect(result).toContain('单位');
      expect(result).toContain('36');
      await snap(page, 'import-succeeded');

      // people: search by pinyin initials, open the drawer
      await page.locator('.ant-menu-item', { hasText: '人员' }).click();
      await page.waitForURL('**/people');
      const search = page.locator('input[data-testid="people-search"], [data-testid="people-search"] input').first();
      await search.fill('zs');
      await search.press('Enter');
      await page.waitForURL(/q=zs/);
      const row = page.getByTestId('person-row').filter({ hasText: '张三' });
      await row.first().waitFor({ timeout: 15_000 });
      await expect(page.getByTestId('people-summary').innerText()).resolves.toMatch(/共 \d+ 人/);
      await snap(page, 'people-zs');
      await row.first().click();
      await expect(page.getByTestId('person-drawer-name').innerText()).resolves.toBe('张三');
      await page.getByTestId('assignment-timeline').waitFor({ timeout: 10_000 });
      await expect(page.getByTestId('assignment-timeline').innerText()).resolves.toContain('至今');
      await snap(page, 'person-drawer');
      await page.locator('.ant-drawer-close').click();
      await page.getByTestId('person-drawer-name').waitFor({ state: 'hidden', timeout: 10_000 });

      // sign out: back on the sign-in page, and the API no longer knows the session
      await signOut(page);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      const me = await page.evaluate(async () => (await fetch('/api/me')).status);
      expect(me).toBe(401);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await snap(page, 'failure').catch(() => undefined);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: error });
    } finally {
      await context.close();
    }
  });
});
