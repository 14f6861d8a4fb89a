// Search, facets and sorting over the catalog. Runs in the page on every keystroke, so the
// text each entry is searched in is prepared once, when the catalog loads.
import type { CatalogEntry } from '../../catalog/types.ts';
import { FACET_NAMES, type FacetName, type ListState, type SortKey } from '../route.ts';

/** The values an entry has for each facet. */
const FACET_VALUES: Record<FacetName, (entry: CatalogEntry) => readonly string[]> = {
  level: (entry) => optional(entry.level),
  status: (entry) => optional(entry.status),
  kind: (entry) => [entry.kind],
  product: (entry) => optional(entry.logsource?.product),
  category: (entry) => optional(entry.logsource?.category),
  service: (entry) => optional(entry.logsource?.service),
  tactic: (entry) => entry.tactics,
  technique: (entry) => entry.techniques,
  author: (entry) => entry.authors,
};

const LEVEL_RANK: Record<string, number> = { critical: 5, high: 4, medium: 3, low: 2, informational: 1 };

interface IndexedEntry {
  entry: CatalogEntry;
  /** Lower-cased title, for ranking. */
  title: string;
  /** Lower-cased title, description, id, author, tags and ATT&CK ids, separated by newlines. */
  text: string;
  facets: Record<FacetName, readonly string[]>;
}

/** The catalog prepared for searching. */
export interface SearchIndex {
  items: IndexedEntry[];
}

export interface SearchResult {
  entries: CatalogEntry[];
  /** Per facet, value → number of results if that value were the facet's only selection. */
  facetCounts: Record<FacetName, Map<string, number>>;
}

/** Prepares the catalog for `search`. */
export function buildSearchIndex(entries: readonly CatalogEntry[]): SearchIndex {
  const items = entries.map((entry) => {
    const parts = [entry.title, entry.description, entry.id, entry.author, ...entry.tags, ...entry.techniques];
    const facets = {} as Record<FacetName, readonly string[]>;
    for (const name of FACET_NAMES) facets[name] = FACET_VALUES[name](entry);
    return {
      entry,
      title: entry.title.toLowerCase(),
      text: parts.filter((part) => part !== undefined).join('\n').toLowerCase(),
      facets,
    };
  });
  return { items };
}

/**
 * Returns the entries that contain every word of the query and have one of the selected values
 * in each facet, sorted, with facet counts. A facet's counts ignore its own selection, so that
 * the user sees what picking another value of it would give.
 */
export function search(index: SearchIndex, state: ListState): SearchResult {
  const words = state.query.toLowerCase().split(/\s+/).filter((word) => word !== '');
  const textHits = index.items.filter((item) => words.every((word) => item.text.includes(word)));
  const selected = FACET_NAMES.filter((name) => (state.filters[name] ?? []).length > 0);

  const facetCounts = {} as SearchResult['facetCounts'];
  for (const name of FACET_NAMES) facetCounts[name] = new Map();
  const results: IndexedEntry[] = [];
  for (const item of textHits) {
    const failing = selected.filter((name) => !hasAny(item.facets[name], state.filters[name] ?? []));
    if (failing.length === 0) results.push(item);
    // An item counts for a facet's values when only that facet (or nothing) excludes it.
    for (const name of FACET_NAMES) {
      if (failing.length > 1 || (failing.length === 1 && failing[0] !== name)) continue;
      for (const value of item.facets[name]) {
        facetCounts[name].set(value, (facetCounts[name].get(value) ?? 0) + 1);
      }
    }
  }
  sortItems(results, state.sort, words);
  return { entries: results.map((item) => item.entry), facetCounts };
}

function sortItems(items: IndexedEntry[], sort: SortKey, words: readonly string[]): void {
  const byTitle = (a: IndexedEntry, b: IndexedEntry): number => a.title.localeCompare(b.title);
  switch (sort) {
    case 'relevance':
      if (words.length === 0) items.sort(byTitle);
      else items.sort((a, b) => titleScore(b, words) - titleScore(a, words) || byTitle(a, b));
      return;
    case 'title':
      items.sort(byTitle);
      return;
    case 'level':
      items.sort((a, b) => rank(b.entry.level) - rank(a.entry.level) || byTitle(a, b));
      return;
    case 'modified':
      items.sort((a, b) => latest(b.entry).localeCompare(latest(a.entry)) || byTitle(a, b));
      return;
    case 'date':
      items.sort((a, b) => (b.entry.date ?? '').localeCompare(a.entry.date ?? '') || byTitle(a, b));
      return;
  }
}

function titleScore(item: IndexedEntry, words: readonly string[]): number {
  return words.filter((word) => item.title.includes(word)).length;
}

function rank(level: string | undefined): number {
  return level === undefined ? 0 : (LEVEL_RANK[level] ?? 0);
}

function latest(entry: CatalogEntry): string {
  return entry.modified ?? entry.date ?? '';
}

function hasAny(values: readonly string[], wanted: readonly string[]): boolean {
  return values.some((value) => wanted.includes(value));
}

function optional(value: string | undefined): string[] {
  return value === undefined ? [] : [value];
}
