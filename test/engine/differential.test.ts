// Property-style differential test: random detections built from a small vocabulary of fields,
// values, modifiers and conditions, run on random events through the reference evaluator, the
// prefiltered rule set and the rule set without prefilter. All three must agree on every pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateRule, RuleSet } from '../../src/engine/index.ts';
import type { SigmaRule } from '../../src/sigma/index.ts';
import { plainProfile, ruleFromDetection } from '../support/rules.ts';
import { createRandom } from '../support/random.ts';


const FIELDS = ['Image', 'CommandLine', 'User', 'Count', 'Tags', 'Nested.Name'];
const WORDS = ['cmd.exe', 'C:\\Windows\\cmd.exe', 'PowerShell', 'power', 'Ab', 'ab', '12', '1', 'ÄDMIN', 'ädmin', 'x y', '-enc', '/enc', 'Σίσυφος'];
const MODIFIERS = ['', '|contains', '|startswith', '|endswith', '|contains|all', '|cased', '|contains|cased', '|neq', '|windash', '|contains|windash', '|re', '|gt', '|lte', '|exists'];

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function randomValue(random: () => number, modifier: string): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  if (modifier === '|exists') return random() < 0.5 ? 'true' : 'false';
  if (modifier === '|gt' || modifier === '|lte') return String(Math.floor(random() * 20));
  if (modifier === '|re') return quote(pick(['^c', 'exe$', '(?i)power', '\\d+', 'a.', 'cmd.*exe', '(?i)c:\\\\win.*cmd', '(?:power|ab)s', 'po(?:wer)?s', 'x y|enc', 'Σ.*φ', '(?i)Äd']));
  const word = pick(WORDS);
  const roll = random();
  if (roll < 0.1) return 'null';
  if (roll < 0.2) return quote(`*${word}`);
  if (roll < 0.3) return quote(`${word}*`);
  if (roll < 0.35) return quote(`${word}?`);
  return quote(word);
}

function randomSearch(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  if (random() < 0.1) return `\n        - ${quote(pick(WORDS))}\n        - ${quote(pick(WORDS))}`;
  const items: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const modifier = pick(MODIFIERS);
    const values = Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomValue(random, modifier));
    const key = `${pick(FIELDS)}${modifier}`;
    if (items.some((item) => item.startsWith(`${key}:`))) continue;
    items.push(values.length === 1 ? `${key}: ${values[0]}` : `${key}:\n${values.map((value) => `            - ${value}`).join('\n')}`);
  }
  return `\n        ${items.join('\n        ')}`;
}

function randomCondition(random: () => number, names: readonly string[], depth = 0): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const roll = random();
  if (depth > 2 || roll < 0.35) return pick(names);
  if (roll < 0.5) return `not ${randomCondition(random, names, depth + 1)}`;
  if (roll < 0.65) return `(${randomCondition(random, names, depth + 1)} and ${randomCondition(random, names, depth + 1)})`;
  if (roll < 0.8) return `(${randomCondition(random, names, depth + 1)} or ${randomCondition(random, names, depth + 1)})`;
  return pick(['1 of sel*', 'all of sel*', '1 of them', 'all of them']);
}

function randomRule(random: () => number): SigmaRule | undefined {
  const names = ['sel1', 'sel2', 'sel3'].slice(0, 1 + Math.floor(random() * 3));
  const searches = names.map((name) => `${name}:${randomSearch(random)}`).join('\n');
  const detection = `${searches}\ncondition: ${randomCondition(random, names)}`;
  try {
    return ruleFromDetection(detection);
  } catch {
    return undefined; // A generated combination the loader rejects (e.g. `re` with `windash`).
  }
}

function randomEvent(random: () => number): Record<string, unknown> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const word = (): string => {
    const text = pick(WORDS);
    const framed = random() < 0.4 ? `${pick(['', 'C:\\', 'x '])}${text}${pick(['', '.exe', ' -enc'])}` : text;
    return random() < 0.3 ? framed.toUpperCase() : framed;
  };
  const event: Record<string, unknown> = {};
  for (const field of ['Image', 'CommandLine', 'User']) {
    const roll = random();
    if (roll < 0.2) continue;
    event[field] = roll < 0.25 ? null : roll < 0.3 ? '' : roll < 0.35 ? [word(), word()] : word();
  }
  if (random() < 0.7) event['Count'] = random() < 0.5 ? Math.floor(random() * 20) : String(Math.floor(random() * 20));
  if (random() < 0.5) event['Tags'] = [word(), Math.floor(random() * 3), true];
  if (random() < 0.5) event['Nested'] = { Name: word() };
  return event;
}

test('prefiltered rule set agrees with the reference on random rules', () => {
  const random = createRandom(20261204);
  const rules: SigmaRule[] = [];
  while (rules.length < 400) {
    const rule = randomRule(random);
    if (rule) rules.push(rule);
  }
  const events = Array.from({ length: 400 }, () => randomEvent(random));
  const fast = new RuleSet(rules, plainProfile);
  const unfiltered = new RuleSet(rules, plainProfile, { noPrefilter: true });
  assert.equal(fast.errors.length, 0);

  let detections = 0;
  for (const [eventIndex, event] of events.entries()) {
    const expected = rules.filter((rule) => evaluateRule(rule, event, plainProfile)).map((rule) => rules.indexOf(rule));
    const actual = fast.match(event).map((compiled) => compiled.index);
    const plain = unfiltered.match(event).map((compiled) => compiled.index);
    detections += expected.length;
    if (actual.join() !== expected.join()) {
      const differing = [...actual, ...expected].find((index) => actual.includes(index) !== expected.includes(index))!;
      assert.fail(`event ${eventIndex} ${JSON.stringify(event)}\nrule:\n${rules[differing]!.origin.text}\nreference ${expected.includes(differing)}, rule set ${actual.includes(differing)}`);
    }
    assert.deepEqual(plain, expected, `rule set without prefilter, event ${eventIndex}`);
  }
  assert.ok(detections > 1000, `only ${detections} detections: the generator makes too few matches to test anything`);
  assert.ok(fast.stats.skipped > 0, 'the prefilter never skipped a rule');
  assert.equal(unfiltered.stats.skipped, 0);
});
