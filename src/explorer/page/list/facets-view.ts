// The facet sidebar: per facet, its values with result counts, as checkboxes.
import { el } from '../dom.ts';
import { facetTitle, facetValueLabel } from '../labels.ts';
import { FACET_NAMES, type FacetName, type ListState } from '../route.ts';
import type { SearchResult } from './search.ts';

const COLLAPSED_VALUES = 8;

export type ToggleFacet = (name: FacetName, value: string) => void;

/** Renders every facet; `expanded` names the facets showing all their values. */
export function renderFacets(
  result: SearchResult,
  state: ListState,
  expanded: Set<FacetName>,
  onToggle: ToggleFacet,
  onExpand: (name: FacetName) => void,
): HTMLElement {
  const boxes = FACET_NAMES.map((name) =>
    renderFacet(name, result.facetCounts[name], state.filters[name] ?? [], expanded.has(name), onToggle, onExpand),
  );
  return el('aside', { className: 'facets', testId: 'facets' }, ...boxes);
}

function renderFacet(
  name: FacetName,
  counts: Map<string, number>,
  selected: readonly string[],
  expanded: boolean,
  onToggle: ToggleFacet,
  onExpand: (name: FacetName) => void,
): HTMLElement | null {
  const values = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // A selected value stays visible even when the other filters leave it no result.
  for (const value of selected) if (!counts.has(value)) values.push([value, 0]);
  if (values.length === 0) return null;

  const shown = expanded ? values : values.slice(0, COLLAPSED_VALUES);
  for (const value of selected) {
    if (!shown.some(([shownValue]) => shownValue === value)) shown.push([value, counts.get(value) ?? 0]);
  }
  const items = shown.map(([value, count]) => {
    const checkbox = el('input', { attrs: { type: 'checkbox' } });
    checkbox.checked = selected.includes(value);
    checkbox.addEventListener('change', () => onToggle(name, value));
    return el(
      'li',
      {},
      el(
        'label',
        { testId: `facet-${name}-value`, attrs: { 'data-value': value } },
        checkbox,
        el('span', { className: 'facet-label' }, facetValueLabel(name, value)),
        el('span', { className: 'facet-count' }, String(count)),
      ),
    );
  });
  const more =
    values.length > COLLAPSED_VALUES
      ? el(
          'button',
          { className: 'link-button', attrs: { type: 'button' }, onClick: () => onExpand(name) },
          expanded ? 'Show fewer' : `Show all ${values.length}`,
        )
      : null;
  return el(
    'section',
    { className: 'facet', testId: `facet-${name}` },
    el('h3', {}, facetTitle(name)),
    el('ul', {}, ...items),
    more,
  );
}
