// The result list. Only the rows in view (plus a margin) exist in the DOM, so scrolling through
// thousands of rules stays fast.
import type { CatalogEntry } from '../../catalog/types.ts';
import { el } from '../dom.ts';
import { kindLabel } from '../labels.ts';
import { ruleHash } from '../route.ts';

/** Row height in pixels; must match `.result-row` in styles.css. */
const ROW_HEIGHT = 64;
const OVERSCAN_ROWS = 8;

export interface ResultRows {
  element: HTMLElement;
  setEntries(entries: readonly CatalogEntry[]): void;
  /** Scrolls back to where the user was before the list left the page. */
  restoreScroll(): void;
}

export function createResultRows(): ResultRows {
  const spacer = el('div', { className: 'result-spacer' });
  const element = el('div', { className: 'results', testId: 'results' }, spacer);
  let entries: readonly CatalogEntry[] = [];
  let rendered = { start: -1, end: -1 };
  // A detached element loses its scroll position, so the last one is kept here.
  let lastScrollTop = 0;

  const renderWindow = (): void => {
    const start = Math.max(0, Math.floor(element.scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
    const visible = Math.ceil((element.clientHeight || window.innerHeight) / ROW_HEIGHT);
    const end = Math.min(entries.length, start + visible + 2 * OVERSCAN_ROWS);
    if (start === rendered.start && end === rendered.end) return;
    rendered = { start, end };
    const rows: HTMLElement[] = [];
    for (let index = start; index < end; index += 1) {
      const row = renderRow(entries[index] as CatalogEntry);
      row.style.top = `${index * ROW_HEIGHT}px`;
      rows.push(row);
    }
    spacer.replaceChildren(...rows);
  };

  element.addEventListener(
    'scroll',
    () => {
      lastScrollTop = element.scrollTop;
      renderWindow();
    },
    { passive: true },
  );
  window.addEventListener('resize', renderWindow);
  return {
    element,
    setEntries(next) {
      entries = next;
      rendered = { start: -1, end: -1 };
      spacer.style.height = `${entries.length * ROW_HEIGHT}px`;
      element.scrollTop = 0;
      lastScrollTop = 0;
      renderWindow();
    },
    restoreScroll() {
      element.scrollTop = lastScrollTop;
      rendered = { start: -1, end: -1 };
      renderWindow();
    },
  };
}

function renderRow(entry: CatalogEntry): HTMLElement {
  const source = entry.logsource;
  const where = [source?.product, source?.category, source?.service].filter((part) => part !== undefined);
  return el(
    'a',
    { className: 'result-row', attrs: { href: ruleHash(entry.key) }, testId: 'result-row' },
    el(
      'div',
      { className: 'result-head' },
      el('span', { className: 'result-title', testId: 'result-title' }, entry.title),
      levelBadge(entry.level),
      entry.status === undefined ? null : el('span', { className: 'badge status' }, entry.status),
      el('span', { className: `badge kind kind-${entry.kind}` }, kindLabel(entry.kind)),
    ),
    el(
      'div',
      { className: 'result-meta' },
      where.join(' / '),
      entry.modified ?? entry.date ? ` · ${entry.modified ?? entry.date}` : '',
      entry.techniques.length > 0 ? ` · ${entry.techniques.join(' ')}` : '',
    ),
  );
}

/** Creates a level badge coloured by severity; unknown levels get the neutral colour. */
export function levelBadge(level: string | undefined): HTMLElement | null {
  if (level === undefined) return null;
  const known = ['informational', 'low', 'medium', 'high', 'critical'].includes(level);
  return el('span', { className: `badge level ${known ? `level-${level}` : ''}`, testId: 'level-badge' }, level);
}
