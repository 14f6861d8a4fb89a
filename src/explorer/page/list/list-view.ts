// The list view: search box, sort order, facets and the result rows.
import { el } from '../dom.ts';
import type { ExplorerData } from '../explorer-data.ts';
import { listHash, SORT_KEYS, type FacetName, type ListState, type SortKey } from '../route.ts';
import { renderFacets } from './facets-view.ts';
import { createResultRows } from './result-rows.ts';
import { search } from './search.ts';

const SORT_LABELS: Record<SortKey, string> = {
  relevance: 'Relevance',
  title: 'Title',
  level: 'Level',
  modified: 'Last modified',
  date: 'Created',
};

export interface ListView {
  element: HTMLElement;
  /** Shows a state; showing the state already shown keeps the scroll position. */
  show(state: ListState): void;
  /** Returns the hash of the state shown, including search text typed since the last navigation. */
  hash(): string;
}

export function createListView(data: ExplorerData): ListView {
  let state: ListState = { query: '', sort: 'relevance', filters: {} };
  let renderedHash: string | undefined;
  const expanded = new Set<FacetName>();

  const input = el('input', {
    className: 'search',
    testId: 'search',
    attrs: { type: 'search', placeholder: 'Search title, description, id, author, tags, ATT&CK ids', 'aria-label': 'Search rules' },
  });
  const sortSelect = el(
    'select',
    { testId: 'sort', attrs: { 'aria-label': 'Sort by' } },
    ...SORT_KEYS.map((key) => el('option', { attrs: { value: key } }, SORT_LABELS[key])),
  );
  const count = el('span', { className: 'result-count', testId: 'result-count' });
  const rows = createResultRows();
  const facetSlot = el('div', { className: 'facet-slot' });
  const element = el(
    'div',
    { className: 'list-view', testId: 'list-view' },
    facetSlot,
    el('section', { className: 'list-main' }, el('div', { className: 'list-controls' }, input, sortSelect, count), rows.element),
  );

  const update = (next: ListState, push: boolean): void => {
    state = next;
    const hash = listHash(state);
    if (location.hash !== hash && !(hash === '#/' && location.hash === '')) {
      if (push) location.hash = hash;
      else history.replaceState(null, '', hash);
    }
    render();
  };

  const toggle = (name: FacetName, value: string): void => {
    const current = state.filters[name] ?? [];
    const values = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
    update({ ...state, filters: { ...state.filters, [name]: values } }, true);
  };

  const expand = (name: FacetName): void => {
    if (expanded.has(name)) expanded.delete(name);
    else expanded.add(name);
    render();
  };

  const render = (): void => {
    if (input.value !== state.query) input.value = state.query;
    sortSelect.value = state.sort;
    const result = search(data.index, state);
    count.textContent = `${result.entries.length} of ${data.catalog.entries.length} rules`;
    facetSlot.replaceChildren(renderFacets(result, state, expanded, toggle, expand));
    rows.setEntries(result.entries);
    renderedHash = listHash(state);
  };

  input.addEventListener('input', () => update({ ...state, query: input.value }, false));
  sortSelect.addEventListener('change', () => update({ ...state, sort: sortSelect.value as SortKey }, true));

  return {
    element,
    show(next) {
      if (listHash(next) === renderedHash) {
        rows.restoreScroll();
        return;
      }
      state = next;
      render();
    },
    hash: () => listHash(state),
  };
}
