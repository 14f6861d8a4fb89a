// Loads the shared corpus for the backend equality tests: SigmaHQ Windows rules, the flattened
// EVTX events, and the events Sigil's engine matches per rule.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RuleSet } from '../../src/engine/index.ts';
import type { Profile } from '../../src/profiles/index.ts';
import { parseSigmaText, type SigmaRule } from '../../src/sigma/index.ts';

export const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;

export function corpusPresent(): boolean {
  return existsSync(join(CORPUS, 'evtx-json')) && existsSync(join(CORPUS, 'sigma'));
}

function filesUnder(folder: string, suffix: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

/** Every rule under `sigma/rules*\/windows/` that loads without errors. */
export function loadWindowsRules(): SigmaRule[] {
  const sigma = join(CORPUS, 'sigma');
  const rules: SigmaRule[] = [];
  for (const top of readdirSync(sigma).filter((name) => name.startsWith('rules')).sort()) {
    const windows = join(sigma, top, 'windows');
    if (!existsSync(windows)) continue;
    for (const file of filesUnder(windows, '.yml')) {
      const collection = parseSigmaText(readFileSync(file, 'utf8'), file);
      rules.push(...collection.rules);
    }
  }
  return rules;
}

export interface CorpusEvent {
  id: number;
  /** The line as written, so databases parse numbers exactly. */
  text: string;
  event: Record<string, unknown>;
}

/** Every event of `evtx-json/`, numbered from 1 in file order. */
export function loadEvents(): CorpusEvent[] {
  const events: CorpusEvent[] = [];
  for (const file of filesUnder(join(CORPUS, 'evtx-json'), '.jsonl')) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      events.push({ id: events.length + 1, text: line, event: JSON.parse(line) as Record<string, unknown> });
    }
  }
  return events;
}

/** The ids of the events each rule matches in Sigil's engine, keyed by the rule object. */
export function engineMatches(rules: readonly SigmaRule[], events: readonly CorpusEvent[], profile: Profile): Map<SigmaRule, number[]> {
  const ruleSet = new RuleSet(rules, profile);
  const matches = new Map<SigmaRule, number[]>(rules.map((rule) => [rule, []]));
  for (const { id, event } of events) {
    for (const compiled of ruleSet.match(event)) matches.get(compiled.rule)!.push(id);
  }
  return matches;
}
