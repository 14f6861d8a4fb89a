// Small helpers for driving the explorer page in tests.
import type { Page } from 'playwright-core';

/** Text of every element with a test id, in document order. */
export function texts(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).allTextContents();
}

/** Opens a hash route and waits for the page to show it. */
export async function openHash(page: Page, baseUrl: string, hash: string, readyTestId: string): Promise<void> {
  await page.goto(`${baseUrl}${hash}`);
  await page.getByTestId(readyTestId).first().waitFor();
}

/** Reads the number before " of " in the result count ("12 of 3754 rules"). */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('result-count').textContent()) ?? '';
  return Number(text.split(' ')[0]);
}

/** Collects the URLs of requests to any origin but `origin` (blob: downloads excepted). */
export function watchForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}

/** Collects console errors, page errors and CSP violations while a page is open. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
