// The page's location: everything a user sees is described by the URL hash, so a search or
// a rule can be shared as a link. Hash routing also works in the exported site opened from disk.

export const FACET_NAMES = [
  'level',
  'status',
  'kind',
  'product',
  'category',
  'service',
  'tactic',
  'technique',
  'author',
] as const;

export type FacetName = (typeof FACET_NAMES)[number];

export const SORT_KEYS = ['relevance', 'title', 'level', 'modified', 'date'] as const;

export type SortKey = (typeof SORT_KEYS)[number];

/** The list view's search text, sort order and selected facet values. */
export interface ListState {
  query: string;
  sort: SortKey;
  /** Selected values per facet: OR within a facet, AND across facets. */
  filters: Partial<Record<FacetName, string[]>>;
}

export type Route =
  | { kind: 'list'; state: ListState }
  | { kind: 'rule'; key: string }
  | { kind: 'coverage' };

/** Reads a route from a location hash such as `#/?q=mimikatz&level=high` or `#/rule/<id>`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path.startsWith('/rule/')) {
    return { kind: 'rule', key: decodeURIComponent(path.slice('/rule/'.length)) };
  }
  if (path === '/coverage') return { kind: 'coverage' };
  const queryStart = path.indexOf('?');
  const params = new URLSearchParams(queryStart === -1 ? '' : path.slice(queryStart + 1));
  const filters: ListState['filters'] = {};
  for (const name of FACET_NAMES) {
    const values = params.getAll(name).filter((value) => value !== '');
    if (values.length > 0) filters[name] = values;
  }
  const sort = params.get('sort');
  return {
    kind: 'list',
    state: {
      query: params.get('q') ?? '',
      sort: SORT_KEYS.find((key) => key === sort) ?? 'relevance',
      filters,
    },
  };
}

/** Writes a list state as a hash; empty parts are left out. */
export function listHash(state: ListState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const name of FACET_NAMES) {
    for (const value of state.filters[name] ?? []) params.append(name, value);
  }
  const text = params.toString();
  return text === '' ? '#/' : `#/?${text}`;
}

/** Returns the permalink hash of a rule. */
export function ruleHash(key: string): string {
  return `#/rule/${encodeURIComponent(key)}`;
}

export const COVERAGE_HASH = '#/coverage';
