// The coverage view: ATT&CK tactics as columns, with the techniques the loaded rules tag under each.
import type { CatalogEntry } from '../../catalog/types.ts';
import { ATTACK_TACTICS, tacticName } from '../../data/attack-tactics.ts';
import { techniqueName } from '../../data/attack-techniques.ts';
import { el } from '../dom.ts';
import type { ExplorerData } from '../explorer-data.ts';
import { listHash } from '../route.ts';
import { buildNavigatorLayer } from './navigator-layer.ts';

const NO_TACTIC = '';

/** Tactic slug → technique id → number of rules tagging both. */
export function groupByTactic(entries: readonly CatalogEntry[]): Map<string, Map<string, number>> {
  const groups = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    const tactics = entry.tactics.length === 0 ? [NO_TACTIC] : entry.tactics;
    for (const tactic of tactics) {
      let techniques = groups.get(tactic);
      if (techniques === undefined) {
        techniques = new Map();
        groups.set(tactic, techniques);
      }
      for (const id of entry.techniques) techniques.set(id, (techniques.get(id) ?? 0) + 1);
    }
  }
  return groups;
}

export function renderCoverageView(data: ExplorerData): HTMLElement {
  const entries = data.catalog.entries;
  const groups = groupByTactic(entries);
  const known = ATTACK_TACTICS.map((tactic) => tactic.slug);
  const order = [...known, ...[...groups.keys()].filter((slug) => !known.includes(slug)).sort()];
  const columns = order
    .filter((slug) => (groups.get(slug)?.size ?? 0) > 0)
    .map((slug) => renderColumn(slug, groups.get(slug) as Map<string, number>));
  const techniqueCount = new Set(entries.flatMap((entry) => entry.techniques)).size;
  const tagged = entries.filter((entry) => entry.techniques.length > 0).length;

  const download = el('button', { attrs: { type: 'button' }, testId: 'navigator-export' }, 'Download ATT&CK Navigator layer');
  download.addEventListener('click', () => downloadLayer(entries));
  return el(
    'div',
    { className: 'coverage-view', testId: 'coverage-view' },
    el('h1', {}, 'ATT&CK coverage'),
    el(
      'p',
      { testId: 'coverage-summary' },
      `${techniqueCount} techniques tagged by ${tagged} of ${entries.length} rules. Counts are rules per tactic and technique.`,
    ),
    download,
    el('div', { className: 'coverage-grid' }, ...columns),
  );
}

function renderColumn(slug: string, techniques: Map<string, number>): HTMLElement {
  const cells = [...techniques.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => {
      const name = techniqueName(id);
      const hash = listHash({ query: '', sort: 'relevance', filters: { technique: [id], ...(slug === NO_TACTIC ? {} : { tactic: [slug] }) } });
      return el(
        'li',
        { testId: 'coverage-technique' },
        el(
          'a',
          { attrs: { href: hash, title: name ?? id } },
          el('span', { className: 'technique-id' }, id),
          name === undefined ? null : el('span', { className: 'technique-name' }, name),
          el('span', { className: 'facet-count' }, String(count)),
        ),
      );
    });
  const title = slug === NO_TACTIC ? 'No tactic tag' : tacticName(slug);
  return el('section', { className: 'coverage-column', testId: `coverage-${slug || 'none'}` }, el('h2', {}, title), el('ul', {}, ...cells));
}

function downloadLayer(entries: readonly CatalogEntry[]): void {
  const layer = buildNavigatorLayer(entries);
  const blob = new Blob([`${JSON.stringify(layer, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = el('a', { attrs: { download: 'sigil-attack-layer.json' } });
  link.href = url;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
