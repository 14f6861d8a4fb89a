// The metadata sections of the rule page, one function per section.
import type { CatalogEntry } from '../../catalog/types.ts';
import { findTactic, tacticName } from '../../data/attack-tactics.ts';
import { techniqueName, techniqueUrl } from '../../data/attack-techniques.ts';
import { categoryName, serviceName } from '../../data/data-sources.ts';
import { el, externalLink, isWebUrl } from '../dom.ts';
import { findReference, type ExplorerData } from '../explorer-data.ts';
import { ruleHash } from '../route.ts';

/** Creates a titled section; `id` becomes its test id (`section-<id>`). */
export function section(id: string, title: string, ...content: Array<Node | null>): HTMLElement {
  return el('section', { className: 'rule-section', testId: `section-${id}` }, el('h2', {}, title), ...content);
}

export function attackSection(entry: CatalogEntry): HTMLElement | null {
  if (entry.tactics.length === 0 && entry.techniques.length === 0) return null;
  const tactics = entry.tactics.map((slug) => {
    const tactic = findTactic(slug);
    const label = tactic?.id === undefined ? tacticName(slug) : `${tactic.name} (${tactic.id})`;
    return el('li', { className: 'chip tactic', testId: 'tactic' }, label);
  });
  const techniques = entry.techniques.map((id) => {
    const name = techniqueName(id);
    return el(
      'li',
      { className: 'technique', testId: 'technique' },
      externalLink(techniqueUrl(id), id),
      name === undefined ? null : el('span', { className: 'technique-name' }, ` ${name}`),
    );
  });
  return section(
    'attack',
    'MITRE ATT&CK',
    tactics.length === 0 ? null : el('ul', { className: 'chips' }, ...tactics),
    techniques.length === 0 ? null : el('ul', { className: 'techniques' }, ...techniques),
  );
}

export function dataSourcesSection(entry: CatalogEntry): HTMLElement | null {
  const source = entry.logsource;
  if (source === undefined) return null;
  const parts = [
    source.category === undefined ? null : categoryName(source.category),
    source.service === undefined ? null : serviceName(source.service),
  ].filter((part): part is string => part !== null);
  if (source.product === undefined && parts.length === 0) return null;
  const lines = [
    el('p', { className: 'data-source', testId: 'data-source' }, el('strong', {}, source.product ?? 'any product'), ...parts.map((part) => ` / ${part}`)),
    source.definition === undefined ? null : el('p', { className: 'definition' }, source.definition),
  ];
  return section('data-sources', 'Data Sources', ...lines);
}

export function platformsSection(entry: CatalogEntry): HTMLElement | null {
  const product = entry.logsource?.product;
  if (product === undefined) return null;
  return section('platforms', 'Platforms', el('ul', { className: 'chips' }, el('li', { className: 'chip' }, product)));
}

export function tagsSection(entry: CatalogEntry): HTMLElement | null {
  if (entry.tags.length === 0) return null;
  return section('tags', 'Tags', el('ul', { className: 'chips' }, ...entry.tags.map((tag) => el('li', { className: 'chip' }, tag))));
}

export function referencesSection(entry: CatalogEntry): HTMLElement | null {
  if (entry.references.length === 0) return null;
  // Only web URLs become links; anything else (a `javascript:` URL, plain text) stays text.
  const items = entry.references.map((reference) =>
    el('li', {}, isWebUrl(reference) ? externalLink(reference, reference) : reference),
  );
  return section('references', 'References', el('ul', { className: 'references' }, ...items));
}

export function falsePositivesSection(entry: CatalogEntry): HTMLElement | null {
  if (entry.falsepositives.length === 0) return null;
  return section('falsepositives', 'False Positives', el('ul', {}, ...entry.falsepositives.map((item) => el('li', {}, item))));
}

export function relatedSection(entry: CatalogEntry, data: ExplorerData): HTMLElement | null {
  const referring = data.catalog.entries.filter(
    (other) => other !== entry && entry.id !== undefined && other.related.some((link) => link.id === entry.id),
  );
  if (entry.related.length === 0 && referring.length === 0) return null;
  const items = [
    ...entry.related.map((link) => relatedItem(link.id, link.type, data)),
    ...referring.map((other) => relatedItem(other.id ?? other.key, `${firstType(other, entry)} (from that rule)`, data)),
  ];
  return section('related', 'Related Rules', el('ul', {}, ...items));
}

function firstType(other: CatalogEntry, entry: CatalogEntry): string {
  return other.related.find((link) => link.id === entry.id)?.type ?? 'related';
}

function relatedItem(id: string, type: string, data: ExplorerData): HTMLElement {
  const target = data.byId.get(id);
  const name = target === undefined ? el('span', { className: 'missing' }, `${id} (not loaded)`) : el('a', { attrs: { href: ruleHash(target.key) } }, target.title);
  return el('li', { testId: 'related-rule' }, el('span', { className: 'badge' }, type), ' ', name);
}

/** Creates the section linking a correlation to its rules and a rule to its correlations. */
export function correlationSection(entry: CatalogEntry, data: ExplorerData): HTMLElement | null {
  const parts = (entry.correlatedRules ?? []).map((reference) => {
    const target = findReference(data, reference);
    const name = target === undefined ? el('span', { className: 'missing' }, `${reference} (not loaded)`) : el('a', { attrs: { href: ruleHash(target.key) } }, target.title);
    return el('li', { testId: 'correlated-rule' }, name);
  });
  const users = data.catalog.entries
    .filter((other) => (other.correlatedRules ?? []).some((reference) => findReference(data, reference) === entry))
    .map((other) => el('li', { testId: 'correlation-user' }, el('a', { attrs: { href: ruleHash(other.key) } }, other.title)));
  if (parts.length === 0 && users.length === 0) return null;
  return section(
    'correlation',
    'Correlation',
    parts.length === 0 ? null : el('p', {}, 'Combines these rules:'),
    parts.length === 0 ? null : el('ul', {}, ...parts),
    users.length === 0 ? null : el('p', {}, 'Used by these correlation rules:'),
    users.length === 0 ? null : el('ul', {}, ...users),
  );
}

/** Author, dates, status and file as a definition list. */
export function factsSection(entry: CatalogEntry): HTMLElement {
  const facts: Array<[string, string | undefined]> = [
    ['Author', entry.author],
    ['Created', entry.date],
    ['Modified', entry.modified],
    ['Status', entry.status],
    ['Rule id', entry.id],
    ['File', entry.file],
  ];
  const rows = facts
    .filter((fact): fact is [string, string] => fact[1] !== undefined)
    .flatMap(([label, value]) => [el('dt', {}, label), el('dd', { testId: `fact-${label.toLowerCase().replace(' ', '-')}` }, value)]);
  return el('dl', { className: 'facts', testId: 'facts' }, ...rows);
}
