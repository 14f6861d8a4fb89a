// The rule's query for every `sigil convert` target, converted in the page by the same backends.
import { TARGET_NAMES, backendProfile, convertRule } from '../../../backends/index.ts';
import { builtinProfiles } from '../../../profiles/index.ts';
import type { CatalogEntry } from '../../catalog/types.ts';
import { copyButton, el } from '../dom.ts';
import { loadRuleText } from '../load-catalog.ts';
import { parseEntryRule } from './parse-rule.ts';
import { section } from './sections.ts';

/** The profile `sigil convert` uses when none is given. */
const DEFAULT_PROFILE = 'windows';

/** Returns the conversions section of a detection rule, or null for correlations and filters. */
export function createConversions(entry: CatalogEntry): HTMLElement | null {
  if (entry.kind === 'correlation' || entry.kind === 'filter') return null;
  const profileSelect = el(
    'select',
    { testId: 'conversion-profile', attrs: { 'aria-label': 'Field names for' } },
    ...[...builtinProfiles.keys()].map((name) => el('option', { attrs: { value: name } }, name)),
  );
  profileSelect.value = builtinProfiles.has(DEFAULT_PROFILE) ? DEFAULT_PROFILE : profileSelect.value;
  const output = el('div', { className: 'conversions', testId: 'conversions' }, el('p', {}, 'Loading…'));

  const render = (): void => {
    loadRuleText(entry.key).then(
      (text) => output.replaceChildren(...renderTargets(entry, text, profileSelect.value)),
      (error: unknown) => output.replaceChildren(el('p', { className: 'error' }, `The rule text could not be loaded: ${String(error)}`)),
    );
  };
  profileSelect.addEventListener('change', render);
  render();
  return section(
    'conversions',
    'Conversions',
    el('p', { className: 'hint' }, 'Field names and log sources as the profile ', profileSelect, ' writes them, as `sigil convert --profile` does.'),
    output,
  );
}

function renderTargets(entry: CatalogEntry, text: string, profileName: string): HTMLElement[] {
  const rule = parseEntryRule(entry, text);
  if (typeof rule === 'string') return [el('p', { className: 'error' }, rule)];
  const builtin = builtinProfiles.get(profileName);
  if (builtin === undefined) return [el('p', { className: 'error' }, `Unknown profile ${profileName}.`)];
  const profile = backendProfile(builtin);
  return TARGET_NAMES.map((target) => {
    const result = convertRule(rule, { target, profile });
    const body = result.ok
      ? el('pre', { className: 'code', testId: 'conversion-query' }, result.query)
      : el('p', { className: 'error', testId: 'conversion-error' }, `Not converted: ${result.error.message}`);
    return el(
      'div',
      { className: 'conversion', testId: 'conversion', attrs: { 'data-target': target } },
      el('h3', {}, target),
      body,
      result.ok ? copyButton(() => result.query) : null,
    );
  });
}
