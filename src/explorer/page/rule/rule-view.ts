// The rule page: every section of a rule, the in-page test bench and the raw YAML.
import { extractQueryText } from '../../catalog/query-text.ts';
import type { CatalogEntry } from '../../catalog/types.ts';
import { copyButton, el } from '../dom.ts';
import { loadRuleText } from '../load-catalog.ts';
import type { ExplorerData } from '../explorer-data.ts';
import { kindLabel } from '../labels.ts';
import { levelBadge } from '../list/result-rows.ts';
import { ruleHash } from '../route.ts';
import {
  attackSection,
  correlationSection,
  dataSourcesSection,
  factsSection,
  falsePositivesSection,
  platformsSection,
  referencesSection,
  relatedSection,
  section,
  tagsSection,
} from './sections.ts';
import { createTestPanel } from './test-panel.ts';

/** Renders the page of one entry; `backHash` is the list state to go back to. */
export function renderRuleView(entry: CatalogEntry, data: ExplorerData, backHash: string): HTMLElement {
  const permalink = `${location.href.split('#')[0] ?? ''}${ruleHash(entry.id ?? entry.key)}`;
  const header = el(
    'header',
    { className: 'rule-header' },
    el('a', { className: 'back', attrs: { href: backHash }, testId: 'back' }, '← Back to Explore'),
    el(
      'div',
      { className: 'badges', testId: 'badges' },
      el('span', { className: 'badge source', testId: 'source-badge' }, 'sigma'),
      levelBadge(entry.level),
      el('span', { className: `badge kind kind-${entry.kind}`, testId: 'kind-badge' }, kindLabel(entry.kind)),
    ),
    el('h1', { testId: 'rule-title' }, entry.title),
    entry.description === undefined ? null : el('p', { className: 'description', testId: 'rule-description' }, entry.description),
    el(
      'p',
      { className: 'permalink' },
      el('a', { attrs: { href: ruleHash(entry.id ?? entry.key) }, testId: 'permalink' }, 'Permalink'),
      ' ',
      copyButton(() => permalink, 'Copy link'),
    ),
  );
  // The YAML text arrives in a second script; both blocks fill in when it is there.
  let text = '';
  let queryText = '';
  const queryBlock = el('pre', { className: 'code', testId: 'query-loading' }, 'Loading…');
  const rawBlock = el('pre', { className: 'code', testId: 'raw-loading' }, 'Loading…');
  loadRuleText(entry.key).then(
    (loaded) => {
      text = loaded;
      queryText = extractQueryText(text, entry.kind);
      queryBlock.textContent = queryText;
      queryBlock.dataset.testid = 'query';
      rawBlock.textContent = text;
      rawBlock.dataset.testid = 'raw';
    },
    (error: unknown) => {
      rawBlock.textContent = `The rule text could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    },
  );
  const query = section('query', 'Detection Query', queryBlock, copyButton(() => queryText));
  const raw = section('raw', 'Raw Content', rawBlock, copyButton(() => text));
  return el(
    'article',
    { className: 'rule-view', testId: 'rule-view' },
    header,
    attackSection(entry),
    query,
    factsSection(entry),
    dataSourcesSection(entry),
    platformsSection(entry),
    tagsSection(entry),
    referencesSection(entry),
    falsePositivesSection(entry),
    relatedSection(entry, data),
    correlationSection(entry, data),
    createTestPanel(entry, data),
    raw,
  );
}
