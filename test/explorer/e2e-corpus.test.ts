// End to end in Chromium over the SigmaHQ corpus: list, search, facets, the dfsvc rule's page,
// testing events in the page, related rules and coverage.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { RunningExplorer } from '../../src/explorer/index.ts';
import { browserSkipReason, launchBrowser, screenshotPath, type BrowserSession } from './support/browser.ts';
import { CORPUS_SIGMA, serveRules } from './support/explorer-site.ts';
import { openHash, resultCount, texts, watchErrors, watchForeignRequests } from './support/page-helpers.ts';

const DFSVC_ID = '3c21219b-49b5-4268-bce6-c914ed50f09c';
const RULE_FOLDERS = ['rules', 'rules-threat-hunting', 'rules-emerging-threats'].map((name) => `${CORPUS_SIGMA}${name}`);
const skip = !existsSync(CORPUS_SIGMA) ? `corpus not found at ${CORPUS_SIGMA}` : browserSkipReason();

describe('explorer over SigmaHQ', { skip }, () => {
  let site: RunningExplorer;
  let session: BrowserSession;
  let page: Page;
  let errors: string[];
  let foreignRequests: string[];

  before(async () => {
    site = await serveRules(RULE_FOLDERS);
    session = await launchBrowser();
    page = await session.context.newPage();
    errors = watchErrors(page);
    foreignRequests = watchForeignRequests(page, site.url);
  });
  after(async () => {
    await session?.close();
    await site?.close();
  });

  test('list shows every rule', async () => {
    const started = performance.now();
    await openHash(page, site.url, '#/', 'result-row');
    const shownAfter = Math.round(performance.now() - started);
    const total = await page.evaluate(() => globalThis.SIGIL_CATALOG?.entries.length ?? 0);
    assert.ok(total > 3000, `expected the SigmaHQ corpus, got ${total} rules`);
    assert.equal(await resultCount(page), total);
    // Only the rows in view are rendered.
    assert.ok((await page.getByTestId('result-row').count()) < 100);
    await page.screenshot({ path: screenshotPath('list.png') });
    process.stderr.write(`# explorer: ${total} rules listed ${shownAfter} ms after navigation\n`);
  });

  test('search narrows the list and lands in the URL', async () => {
    await openHash(page, site.url, '#/', 'result-row');
    // The list re-renders synchronously on each input event, so this times search, facets and rows.
    const inPage = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=search]');
      const times: number[] = [];
      for (const text of ['p', 'po', 'pow', 'powershell', 'powershell enc', '']) {
        const started = performance.now();
        if (input !== null) input.value = text;
        input?.dispatchEvent(new Event('input'));
        times.push(performance.now() - started);
      }
      return times.map((time) => Math.round(time));
    });
    process.stderr.write(`# explorer: search and re-render per keystroke: ${inPage.join(', ')} ms\n`);
    await page.getByTestId('search').fill('dfsvc non-local');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent?.startsWith('1 of'));
    assert.deepEqual(await texts(page, 'result-title'), ['Dfsvc.EXE Network Connection To Non-Local IPs']);
    assert.match(page.url(), /#\/\?q=dfsvc\+non-local$/);
  });

  test('search finds ATT&CK ids and rule ids', async () => {
    await openHash(page, site.url, `#/?q=${DFSVC_ID}`, 'result-row');
    assert.deepEqual(await texts(page, 'result-title'), ['Dfsvc.EXE Network Connection To Non-Local IPs']);
    await openHash(page, site.url, '#/?q=t1203', 'result-row');
    assert.ok((await resultCount(page)) >= 10);
  });

  test('a facet filters and its state survives a reload', async () => {
    await openHash(page, site.url, '#/?q=powershell', 'result-row');
    const critical = page.locator('[data-testid=facet-level-value][data-value=critical]');
    const expected = Number(await critical.locator('.facet-count').textContent());
    await critical.locator('input').check();
    await page.waitForURL(/level=critical/);
    assert.equal(await resultCount(page), expected);
    const levels = await texts(page, 'level-badge');
    assert.ok(levels.length > 0);
    assert.ok(levels.every((level) => level === 'critical'), levels.join());

    const url = page.url();
    await page.reload();
    await page.getByTestId('result-row').first().waitFor();
    assert.equal(page.url(), url);
    assert.equal(await resultCount(page), expected);
    assert.equal(await page.getByTestId('search').inputValue(), 'powershell');
    assert.ok(await page.locator('[data-testid=facet-level-value][data-value=critical] input').isChecked());
  });

  test('dfsvc rule page shows every section', async () => {
    await openHash(page, site.url, `#/rule/${DFSVC_ID}`, 'rule-view');
    const section = (id: string) => page.getByTestId(`section-${id}`);
    assert.equal(await page.getByTestId('source-badge').textContent(), 'sigma');
    assert.equal(await page.getByTestId('rule-view').getByTestId('level-badge').textContent(), 'medium');
    assert.equal(await page.getByTestId('kind-badge').textContent(), 'Hunting');
    assert.equal(await page.getByTestId('rule-title').textContent(), 'Dfsvc.EXE Network Connection To Non-Local IPs');
    assert.equal(
      await page.getByTestId('rule-description').textContent(),
      'Detects network connections from "dfsvc.exe" used to handled ClickOnce applications to non-local IPs',
    );

    assert.deepEqual(await texts(page, 'tactic'), ['Execution (TA0002)']);
    assert.deepEqual(await texts(page, 'technique'), ['T1203 Exploitation for Client Execution']);
    const query = (await page.getByTestId('query').textContent()) ?? '';
    assert.match(query, /^selection:\n  Image\|endswith: \\dfsvc\.exe\n  Initiated: "true"\nfilter_main_local_ip:\n  DestinationIp\|cidr:\n    - 127\.0\.0\.0\/8\n/);
    assert.match(query, /condition: selection and not 1 of filter_main_\*$/);

    assert.equal(await page.getByTestId('fact-author').textContent(), 'Nasreddine Bencherchali (Nextron Systems)');
    assert.equal(await page.getByTestId('fact-created').textContent(), '2023-06-12');
    assert.equal(await page.getByTestId('fact-modified').textContent(), '2024-03-12');
    assert.equal(await page.getByTestId('data-source').textContent(), 'windows / Network Connection Events');
    assert.deepEqual(await section('platforms').locator('li').allTextContents(), ['windows']);
    assert.deepEqual(await section('tags').locator('li').allTextContents(), ['attack.execution', 'attack.t1203', 'detection.threat-hunting']);

    const reference = section('references').locator('a');
    assert.equal(await reference.getAttribute('href'), 'https://posts.specterops.io/less-smartscreen-more-caffeine-ab-using-clickonce-for-trusted-code-execution-1446ea8051c5');
    assert.equal(await reference.getAttribute('rel'), 'noopener noreferrer');
    assert.match((await section('falsepositives').textContent()) ?? '', /ClickOnce manifests hosted on public IPs/);

    const raw = (await page.getByTestId('raw').textContent()) ?? '';
    assert.match(raw, /^title: Dfsvc\.EXE Network Connection To Non-Local IPs\nid: 3c21219b/);
    assert.match(raw, /# IPv6 loopback/);
    assert.equal(await page.getByTestId('permalink').getAttribute('href'), `#/rule/${DFSVC_ID}`);
    await page.screenshot({ path: screenshotPath('dfsvc-rule.png'), fullPage: true });
  });

  test('back link returns to the typed search', async () => {
    await openHash(page, site.url, '#/', 'result-row');
    await page.getByTestId('search').fill('dfsvc');
    await page.getByTestId('result-row').first().click();
    await page.getByTestId('rule-view').waitFor();
    await page.getByTestId('back').click();
    await page.waitForURL(/#\/\?q=dfsvc$/);
    assert.equal(await page.getByTestId('search').inputValue(), 'dfsvc');
  });

  test('returning to the list keeps its scroll position', async () => {
    await openHash(page, site.url, '#/?sort=title', 'result-row');
    // The scroll event is dispatched here so that the rows are re-rendered before one is picked.
    await page.getByTestId('results').evaluate((results) => {
      results.scrollTop = 6400;
      results.dispatchEvent(new Event('scroll'));
    });
    const row = page.getByTestId('result-row').filter({ hasText: /./ }).nth(12);
    const title = await row.getByTestId('result-title').textContent();
    await row.click();
    await page.getByTestId('rule-view').waitFor();
    await page.goBack();
    await page.getByTestId('list-view').waitFor();
    assert.equal(await page.getByTestId('results').evaluate((results) => results.scrollTop), 6400);
    assert.ok((await texts(page, 'result-title')).includes(title ?? ''));
  });

  test('related rules link to each other', async () => {
    const pair = await page.evaluate(() => {
      const entries = globalThis.SIGIL_CATALOG?.entries ?? [];
      const ids = new Map(entries.map((entry) => [entry.id, entry]));
      for (const entry of entries) {
        const target = entry.related.map((link) => ids.get(link.id)).find((found) => found !== undefined);
        if (target !== undefined) return { from: entry.key, fromTitle: entry.title, toTitle: target.title };
      }
      return undefined;
    });
    assert.ok(pair, 'no rule with a loaded related rule');
    await openHash(page, site.url, `#/rule/${encodeURIComponent(pair.from)}`, 'rule-view');
    await page.getByTestId('related-rule').getByRole('link', { name: pair.toTitle, exact: true }).first().click();
    await page.waitForFunction((title) => document.querySelector('[data-testid=rule-title]')?.textContent === title, pair.toTitle);
    // The target lists the rule that points at it.
    const back = page.getByTestId('related-rule').getByRole('link', { name: pair.fromTitle, exact: true });
    assert.ok((await back.count()) >= 1);
  });

  const events: Array<{ name: string; event: object; verdict: RegExp; selection: string; filter: string }> = [
    {
      name: 'public destination fires',
      event: { Image: 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\dfsvc.exe', Initiated: 'true', DestinationIp: '93.184.216.34' },
      verdict: /^Matched/,
      selection: 'true',
      filter: 'false',
    },
    {
      name: 'private destination does not fire',
      event: { Image: 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\dfsvc.exe', Initiated: 'true', DestinationIp: '10.1.2.3' },
      verdict: /^Not matched/,
      selection: 'true',
      filter: 'true',
    },
  ];
  for (const { name, event, verdict, selection, filter } of events) {
    test(`pasted event: ${name}`, async () => {
      await openHash(page, site.url, `#/rule/${DFSVC_ID}`, 'rule-view');
      await page.getByTestId('events-input').fill(JSON.stringify(event));
      await page.getByTestId('run-test').click();
      const result = page.getByTestId('verdict-result');
      await result.waitFor();
      assert.match((await result.textContent()) ?? '', verdict);
      const search = (searchName: string) => page.locator(`[data-testid=explain-search][data-search="${searchName}"]`);
      assert.equal(await search('selection').getAttribute('data-result'), selection);
      assert.equal(await search('filter_main_local_ip').getAttribute('data-result'), filter);
      const destination = search('filter_main_local_ip').locator('[data-testid=explain-item][data-field=DestinationIp]');
      assert.match((await destination.textContent()) ?? '', new RegExp(`event value "${(event as { DestinationIp: string }).DestinationIp}"`));
      const image = search('selection').locator('[data-testid=explain-item][data-field=Image]');
      assert.equal(await image.getAttribute('data-result'), 'true');
      assert.match((await page.getByTestId('test-summary').textContent()) ?? '', /^[01] of 1 events matched/);
    });
  }

  test('pasted JSON lines give one verdict each, errors by line', async () => {
    await openHash(page, site.url, `#/rule/${DFSVC_ID}`, 'rule-view');
    const lines = [JSON.stringify(events[0]?.event), 'not json', JSON.stringify(events[1]?.event)].join('\n');
    await page.getByTestId('events-input').fill(lines);
    await page.getByTestId('run-test').click();
    await page.getByTestId('test-summary').waitFor();
    assert.equal(await page.getByTestId('test-summary').textContent(), '1 of 2 events matched');
    const lineErrors = await texts(page, 'event-error');
    assert.equal(lineErrors.length, 1);
    assert.match(lineErrors[0] ?? '', /^pasted text, line 2: invalid JSON/);
    assert.equal(await page.getByTestId('verdict').count(), 2);
  });

  test('conversions show each target query', async () => {
    await openHash(page, site.url, `#/rule/${DFSVC_ID}`, 'rule-view');
    const conversions = page.getByTestId('conversion');
    await page.getByTestId('conversion-query').first().waitFor();
    const targets = await conversions.evaluateAll((blocks) => blocks.map((block) => block.getAttribute('data-target')));
    assert.deepEqual(targets, ['postgres', 'duckdb', 'sqlite', 'clickhouse', 'lucene', 'esql', 'spl', 'kql']);
    const kql = page.locator('[data-testid=conversion][data-target=kql] [data-testid=conversion-query]');
    const windowsQuery = (await kql.textContent()) ?? '';
    assert.match(windowsQuery, /^events \| where Event\.System\.Channel =~ @"Microsoft-Windows-Sysmon\/Operational"/);
    assert.match(windowsQuery, /endswith @"\\dfsvc\.exe"/);
    assert.equal(await page.locator('[data-testid=conversion][data-target=kql] button').count(), 1);
    // IPv6 ranges have no SQL form in the DuckDB backend, and the page shows the reason.
    const duckdb = page.locator('[data-testid=conversion][data-target=duckdb] [data-testid=conversion-error]');
    assert.match((await duckdb.textContent()) ?? '', /^Not converted: duckdb cannot express cidr/);

    await page.getByTestId('conversion-profile').selectOption('raw');
    await page.waitForFunction(
      (before) => document.querySelector('[data-target=kql] [data-testid=conversion-query]')?.textContent !== before,
      windowsQuery,
    );
    assert.match((await kql.textContent()) ?? '', /^events \| where Image endswith @"\\dfsvc\.exe"/);
  });

  const BITSADMIN_ID = 'd059842b-6b9d-4ed1-b5c3-5b89143c6ede';
  const REGRESSION = `${CORPUS_SIGMA}regression_data/rules/windows/`;

  test('dropped EVTX file is decoded and matched in the page', async () => {
    await openHash(page, site.url, `#/rule/${BITSADMIN_ID}`, 'rule-view');
    const bytes = [...readFileSync(`${REGRESSION}process_creation/proc_creation_win_bitsadmin_download/${BITSADMIN_ID}.evtx`)];
    const dataTransfer = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'bitsadmin.evtx'));
      return transfer;
    }, bytes);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
    await page.getByTestId('test-summary').waitFor();
    assert.equal(await page.getByTestId('test-summary').textContent(), '1 of 1 events matched');
    const verdict = (await page.getByTestId('verdict-result').textContent()) ?? '';
    assert.match(verdict, /^Matched · bitsadmin\.evtx, record \d+ \(profile windows\)$/);
    assert.match((await page.getByTestId('logsource-check').textContent()) ?? '', /: true/);
    await page.screenshot({ path: screenshotPath('evtx-test.png'), fullPage: true });
  });

  test('chosen EVTX file of another rule does not match', async () => {
    await openHash(page, site.url, `#/rule/${BITSADMIN_ID}`, 'rule-view');
    const other = `${REGRESSION}file/file_event/file_event_win_anydesk_artefact/0b9ad457-2554-44c1-82c2-d56a99c42377.evtx`;
    await page.getByTestId('events-file').setInputFiles(other);
    await page.getByTestId('test-summary').waitFor();
    const summary = (await page.getByTestId('test-summary').textContent()) ?? '';
    assert.match(summary, /^0 of [1-9]\d* events matched$/);
    assert.ok((await page.getByTestId('verdict').count()) >= 1);
    assert.deepEqual(await texts(page, 'event-error'), []);
  });

  test('coverage lists techniques and exports a Navigator layer', async () => {
    await openHash(page, site.url, '#/coverage', 'coverage-view');
    const execution = page.getByTestId('coverage-execution');
    assert.match((await execution.textContent()) ?? '', /T1203Exploitation for Client Execution/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('navigator-export').click()]);
    assert.equal(download.suggestedFilename(), 'sigil-attack-layer.json');
    const layer = JSON.parse(readFileSync(await download.path(), 'utf8')) as { domain: string; techniques: Array<{ techniqueID: string; score: number }> };
    assert.equal(layer.domain, 'enterprise-attack');
    const t1203 = layer.techniques.find((technique) => technique.techniqueID === 'T1203');
    assert.ok(t1203 !== undefined);
    assert.ok(t1203.score >= 1);
    await page.screenshot({ path: screenshotPath('coverage.png') });
  });

  test('page logged no errors', () => {
    assert.deepEqual(errors, []);
  });

  test('page requested nothing from other origins', () => {
    assert.deepEqual(foreignRequests, []);
  });
});
