// End to end in Chromium: correlation rules from the examples link to the rules they combine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { RunningExplorer } from '../../src/explorer/index.ts';
import { browserSkipReason, launchBrowser, type BrowserSession } from './support/browser.ts';
import { serveRules } from './support/explorer-site.ts';
import { openHash, texts, watchErrors } from './support/page-helpers.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/rules/correlation/', import.meta.url));
const BRUTE_FORCE_THEN_LOGON = 'f544506f-0e2d-4e0f-9587-b6df92875658';

describe('explorer with correlation rules', { skip: browserSkipReason() }, () => {
  let site: RunningExplorer;
  let session: BrowserSession;
  let page: Page;
  let errors: string[];

  before(async () => {
    site = await serveRules([EXAMPLES]);
    session = await launchBrowser();
    page = await session.context.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await session?.close();
    await site?.close();
  });

  test('correlation kind facet lists the correlations', async () => {
    await openHash(page, site.url, '#/?kind=correlation', 'result-row');
    const titles = await texts(page, 'result-title');
    assert.ok(titles.includes('Password Guessing Followed by a Successful Logon'), titles.join());
    assert.ok((await texts(page, 'result-row')).every((row) => row.includes('Correlation')));
  });

  test('correlation page links to its rules and back', async () => {
    await openHash(page, site.url, `#/rule/${BRUTE_FORCE_THEN_LOGON}`, 'rule-view');
    assert.equal(await page.getByTestId('kind-badge').textContent(), 'Correlation');
    assert.match((await page.getByTestId('query').textContent()) ?? '', /^type: temporal_ordered\n/);
    assert.deepEqual(await texts(page, 'correlated-rule'), ['Many Failed Network Logons for One Account', 'Successful Network Logon']);
    assert.match((await page.getByTestId('section-test').textContent()) ?? '', /sigil hunt/);

    await page.getByTestId('correlated-rule').getByRole('link', { name: 'Successful Network Logon' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=rule-title]')?.textContent === 'Successful Network Logon');
    assert.ok((await texts(page, 'correlation-user')).includes('Password Guessing Followed by a Successful Logon'));
  });

  test('page logged no errors', () => {
    assert.deepEqual(errors, []);
  });
});
