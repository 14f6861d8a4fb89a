// End to end in Chromium: rule text with HTML and script stays text, and the exported site
// works from disk under its Content-Security-Policy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { buildCatalog, collectSiteFiles, exportSite, type RunningExplorer } from '../../src/explorer/index.ts';
import { loadRuleFiles } from '../../src/cli/rule-files.ts';
import { browserSkipReason, launchBrowser, type BrowserSession } from './support/browser.ts';
import { serveRules, writeRuleFiles } from './support/explorer-site.ts';
import { buildPageOnce } from './support/page-build.ts';
import { openHash, texts, watchErrors } from './support/page-helpers.ts';

const HOSTILE_ID = '44444444-4444-4444-8444-444444444444';
const HOSTILE_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
const HOSTILE_RULE = `title: '${HOSTILE_TITLE}'
id: ${HOSTILE_ID}
status: test
description: '<b>bold</b> <iframe src="javascript:window.__pwned = 3"></iframe>'
author: '<svg onload="window.__pwned = 4"></svg>'
references:
    - 'javascript:window.__pwned = 5'
    - 'https://example.com/?q=<script>'
tags:
    - 'attack.<img src=x onerror=window.__pwned=6>'
falsepositives:
    - '<script>window.__pwned = 7</script>'
logsource:
    product: '<i>windows</i>'
    category: '<b>process_creation</b>'
detection:
    selection:
        Image|endswith: '<script>window.__pwned = 8</script>'
    condition: selection
level: high
`;
const PLAIN_RULE = `title: Plain Rule
id: 55555555-5555-4555-8555-555555555555
status: stable
logsource:
    product: windows
detection:
    selection:
        CommandLine|contains: whoami
    condition: selection
level: low
`;

const FILTER = `title: Exclude the admin workstation
id: 77777777-7777-4777-8777-777777777777
logsource:
    product: windows
filter:
    rules:
        - 55555555-5555-4555-8555-555555555555
    selection:
        Computer: ADMIN-PC
    condition: not selection
`;

/** Elements that rule text would create if it were parsed as HTML. */
async function injectedElements(page: Page): Promise<number> {
  return page.locator('#app script, #app img, #app svg, #app iframe, #app b, #app i').count();
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe('explorer with hostile rule text', { skip: browserSkipReason() }, () => {
  let site: RunningExplorer;
  let session: BrowserSession;
  let page: Page;
  let errors: string[];

  before(async () => {
    site = await serveRules([writeRuleFiles({ 'hostile.yml': HOSTILE_RULE, 'plain.yml': PLAIN_RULE, 'filter.yml': FILTER })]);
    session = await launchBrowser();
    page = await session.context.newPage();
    errors = watchErrors(page);
  });
  after(async () => {
    await session?.close();
    await site?.close();
  });

  test('list shows the script title as text', async () => {
    await openHash(page, site.url, `#/?q=${encodeURIComponent('<script>')}`, 'result-row');
    assert.deepEqual(await texts(page, 'result-title'), [HOSTILE_TITLE]);
    assert.equal(await injectedElements(page), 0);
    assert.equal(await pwned(page), undefined);
  });

  test('rule page shows every field as text', async () => {
    await openHash(page, site.url, `#/rule/${HOSTILE_ID}`, 'rule-view');
    assert.equal(await page.getByTestId('rule-title').textContent(), HOSTILE_TITLE);
    assert.equal(await page.getByTestId('rule-description').textContent(), '<b>bold</b> <iframe src="javascript:window.__pwned = 3"></iframe>');
    assert.equal(await page.getByTestId('fact-author').textContent(), '<svg onload="window.__pwned = 4"></svg>');
    assert.equal(await page.getByTestId('data-source').textContent(), '<i>windows</i> / <b>process_creation</b>');
    assert.match((await page.getByTestId('query').textContent()) ?? '', /Image\|endswith: <script>window.__pwned = 8<\/script>/);
    assert.equal(await injectedElements(page), 0);
    assert.equal(await pwned(page), undefined);
  });

  test('a javascript: reference is not a link', async () => {
    await openHash(page, site.url, `#/rule/${HOSTILE_ID}`, 'rule-view');
    const references = page.getByTestId('section-references');
    assert.deepEqual(await references.locator('li').allTextContents(), ['javascript:window.__pwned = 5', 'https://example.com/?q=<script>']);
    const hrefs = await references.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    assert.deepEqual(hrefs, ['https://example.com/?q=<script>']);
  });

  test('explanations show event values as text', async () => {
    await openHash(page, site.url, `#/rule/${HOSTILE_ID}`, 'rule-view');
    await page.getByTestId('events-input').fill(JSON.stringify({ Image: 'C:\\<script>window.__pwned = 8</script>' }));
    await page.getByTestId('run-test').click();
    await page.getByTestId('verdict').waitFor();
    assert.match((await page.getByTestId('verdict-result').textContent()) ?? '', /^Matched/);
    assert.equal(await injectedElements(page), 0);
    assert.equal(await pwned(page), undefined);
  });

  test('loaded filters apply to the rules they name', async () => {
    await openHash(page, site.url, '#/rule/55555555-5555-4555-8555-555555555555', 'rule-view');
    const events = [{ CommandLine: 'whoami', Computer: 'ADMIN-PC' }, { CommandLine: 'whoami', Computer: 'WS-17' }];
    await page.getByTestId('events-input').fill(JSON.stringify(events));
    await page.getByTestId('run-test').click();
    await page.getByTestId('test-summary').waitFor();
    assert.equal(await page.getByTestId('test-summary').textContent(), '1 of 2 events matched');
    const verdicts = await texts(page, 'verdict-result');
    assert.match(verdicts[0] ?? '', /^Not matched/);
    assert.match(verdicts[1] ?? '', /^Matched/);
    assert.match((await page.getByTestId('verdict').first().textContent()) ?? '', /Filter Exclude the admin workstation: false/);
  });

  test('page logged no errors', () => {
    assert.deepEqual(errors, []);
  });
});

describe('exported explorer', { skip: browserSkipReason() }, () => {
  let session: BrowserSession;
  let indexUrl: string;

  before(async () => {
    const rules = writeRuleFiles({ 'hostile.yml': HOSTILE_RULE, 'plain.yml': PLAIN_RULE });
    const { collection } = await loadRuleFiles([rules]);
    const catalog = buildCatalog(collection.rules, { roots: [rules] });
    const out = mkdtempSync(join(tmpdir(), 'sigil-export-site-'));
    exportSite(collectSiteFiles(await buildPageOnce(), catalog), out);
    indexUrl = pathToFileURL(join(out, 'index.html')).href;
    session = await launchBrowser();
  });
  after(() => session?.close());

  test('opens from disk with its policy and shows the rules', async () => {
    const page = await session.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${indexUrl}#/`);
    await page.getByTestId('result-row').first().waitFor();
    assert.deepEqual((await texts(page, 'result-title')).sort(), [HOSTILE_TITLE, 'Plain Rule'].sort());
    const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    assert.match(policy ?? '', /^default-src 'none'; script-src 'self'/);

    await page.goto(`${indexUrl}#/rule/55555555-5555-4555-8555-555555555555`);
    await page.getByTestId('rule-view').waitFor();
    await page.getByTestId('events-input').fill('{"CommandLine": "cmd /c WHOAMI /all"}');
    await page.getByTestId('run-test').click();
    await page.getByTestId('verdict').waitFor();
    assert.match((await page.getByTestId('verdict-result').textContent()) ?? '', /^Matched/);
    assert.equal(await pwned(page), undefined);
    assert.deepEqual(errors, []);
  });
});
