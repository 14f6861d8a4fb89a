// Launches Debian's Chromium through playwright-core for the explorer's end-to-end tests.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go; git ignores `test-output/`. */
export const SCREENSHOT_DIR = new URL('../../../test-output/explorer/', import.meta.url);

/** Says why the browser tests cannot run here, or undefined when they can. */
export function browserSkipReason(): string | undefined {
  return existsSync(CHROMIUM_PATH) ? undefined : `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`;
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts a headless Chromium with a fresh profile that makes no background requests. */
export async function launchBrowser(): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sigil-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const browser = context.browser();
  return {
    browser: browser as Browser,
    context,
    close: () => context.close(),
  };
}

/** Returns the path for a screenshot file, creating the folder. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return new URL(name, SCREENSHOT_DIR).pathname;
}
