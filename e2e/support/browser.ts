import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The system Chromium, headless; never a downloaded browser (`npx playwright install` is not used here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 812 } as const;

/** Signs in through the sign-in page and waits for the app shell. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 15_000 });
  await page.locator('.app-header').waitFor({ timeout: 15_000 });
}

/** Signs out through the user menu in the header. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.locator('.ant-dropdown-menu-item-danger').click();
  await page.waitForURL((url) => url.pathname.startsWith('/sign-in'), { timeout: 15_000 });
}

/** A browser context of its own (desktop, or a phone at 375 × 812) with its page and the page errors seen. */
export interface Browsing {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openBrowsing(browser: Browser, phone: boolean): Promise<Browsing> {
  const context = await browser.newContext(
    phone ? { viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : { viewport: DESKTOP, locale: 'zh-CN' },
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Saves full-page screenshots of a journey as `<dir>/<journey>-<name>.png`. */
export function screenshotter(dir: string, journey: string) {
  return async (page: Page, name: string, fullPage = true): Promise<void> => {
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${journey}-${name}.png`), fullPage });
  };
}

/** Picks an option of an antd Select by the text of the option, in the open dropdown. */
export async function pickOption(page: Page, text: string): Promise<void> {
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();
  await option.waitFor({ timeout: 10_000 });
  await option.click();
}
