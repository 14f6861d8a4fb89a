// "Test it here": paste JSON events or drop a file, and the engine explains, in the page, why
// the rule matched each event or not. Nothing leaves the browser.
import { explainRule, filtersForRule } from '../../../engine/index.ts';
import { builtinProfiles, detectProfile, type Profile } from '../../../profiles/index.ts';
import { parseSigmaText, type SigmaFilter } from '../../../sigma/index.ts';
import type { CatalogEntry } from '../../catalog/types.ts';
import { el } from '../dom.ts';
import type { ExplorerData } from '../explorer-data.ts';
import { loadRuleTexts } from '../load-catalog.ts';
import { renderExplanation } from './explanation-view.ts';
import { readDroppedFile } from './dropped-file.ts';
import { parseEventsText, type ParsedEvents } from './parse-events.ts';
import { parseEntryRule } from './parse-rule.ts';
import { section } from './sections.ts';

/** Most events shown at once, so a large file cannot freeze the page. */
const MAX_SHOWN_EVENTS = 200;

/** Returns the panel for a rule; other kinds get a note instead. */
export function createTestPanel(entry: CatalogEntry, data: ExplorerData): HTMLElement {
  if (entry.kind === 'correlation' || entry.kind === 'filter') {
    return section('test', 'Test It Here', el('p', {}, 'Correlation and filter documents are tested with `sigil hunt`, over a whole log.'));
  }
  const input = el('textarea', {
    testId: 'events-input',
    attrs: { placeholder: 'Paste events: a JSON object, an array of objects, or one object per line', spellcheck: 'false', 'aria-label': 'Events' },
  });
  const profileSelect = el(
    'select',
    { testId: 'profile', attrs: { 'aria-label': 'Profile' } },
    el('option', { attrs: { value: 'auto' } }, 'auto (from each event’s shape)'),
    ...[...builtinProfiles.keys()].map((name) => el('option', { attrs: { value: name } }, name)),
  );
  const fileInput = el('input', { testId: 'events-file', attrs: { type: 'file', accept: '.evtx,.json,.jsonl,.ndjson' } });
  const dropZone = el('div', { className: 'drop-zone', testId: 'drop-zone' }, 'Drop an .evtx, .json or .jsonl file here, or choose one: ', fileInput);
  const output = el('div', { className: 'test-output', testId: 'test-output' });
  const run = el('button', { attrs: { type: 'button' }, testId: 'run-test' }, 'Test events');

  const evaluate = (parsed: ParsedEvents): void => {
    loadRuleTexts().then(
      (texts) => output.replaceChildren(...evaluateEvents(entry, texts[entry.key] ?? '', loadedFilters(data, texts), parsed, profileSelect.value)),
      (error: unknown) => output.replaceChildren(el('p', { className: 'error' }, `The rule text could not be loaded: ${String(error)}`)),
    );
  };
  run.addEventListener('click', () => evaluate(parseEventsText(input.value)));
  const readFile = (file: File): void => {
    output.replaceChildren(el('p', {}, `Reading ${file.name}…`));
    readDroppedFile(file).then(evaluate, (error: unknown) => {
      output.replaceChildren(el('p', { className: 'error' }, `${file.name}: ${error instanceof Error ? error.message : String(error)}`));
    });
  };
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file !== undefined) readFile(file);
  });
  wireDropZone(dropZone, readFile);

  return section(
    'test',
    'Test It Here',
    el('p', { className: 'hint' }, 'Events are evaluated in this page by the Sigil engine; nothing is uploaded.'),
    input,
    el('div', { className: 'test-controls' }, run, ' Profile: ', profileSelect),
    dropZone,
    output,
  );
}

function evaluateEvents(
  entry: CatalogEntry,
  text: string,
  allFilters: readonly SigmaFilter[],
  parsed: ParsedEvents,
  profileName: string,
): HTMLElement[] {
  const nodes: HTMLElement[] = parsed.errors.map((error) => el('p', { className: 'error', testId: 'event-error' }, error));
  const rule = parseEntryRule(entry, text);
  if (typeof rule === 'string') return [...nodes, el('p', { className: 'error' }, rule)];
  const filters = filtersForRule(rule, allFilters);
  if (parsed.events.length === 0 && parsed.errors.length === 0) return [el('p', {}, 'No events given.')];

  const shown = parsed.events.slice(0, MAX_SHOWN_EVENTS);
  let matched = 0;
  const verdicts = shown.map(({ event, label }) => {
    const profile: Profile = builtinProfiles.get(profileName) ?? detectProfile(event);
    try {
      const explanation = explainRule(rule, event, profile, filters);
      if (explanation.matched) matched += 1;
      return renderExplanation(`${label} (profile ${profile.name})`, explanation);
    } catch (error) {
      return el('p', { className: 'error' }, `${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const summary = `${matched} of ${shown.length} events matched` +
    (parsed.events.length > shown.length ? ` (the first ${shown.length} of ${parsed.events.length} were tested)` : '');
  return [el('p', { className: 'test-summary', testId: 'test-summary' }, summary), ...nodes, ...verdicts];
}

/** Parses the loaded filter documents, as `sigil explain` applies them to the rules they name. */
function loadedFilters(data: ExplorerData, texts: Record<string, string>): SigmaFilter[] {
  return data.catalog.entries
    .filter((entry) => entry.kind === 'filter')
    .flatMap((entry) => parseSigmaText(texts[entry.key] ?? '', entry.file).filters);
}


function wireDropZone(zone: HTMLElement, onFile: (file: File) => void): void {
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) onFile(file);
  });
}
