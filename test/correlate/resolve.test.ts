import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCorrelationEngine } from '../../src/correlate/index.ts';
import { resolveCorrelations } from '../../src/sigma/correlation-resolve.ts';
import { BASE_RULES } from './harness.ts';
import { loadRules } from './load.ts';

function correlation(name: string, rules: string, extra = ''): string {
  return `title: Correlation ${name}\nname: ${name}\ncorrelation:\n  type: temporal\n  rules: ${rules}\n  timespan: 1m\n${extra}`;
}

/** Diagnostics as `CODE severity file:line:column`. */
function diagnosticsOf(files: Record<string, string>): string[] {
  return loadRules(files).diagnostics.map((item) => `${item.code} ${item.severity} ${item.span.file}:${item.span.line}:${item.span.column}`);
}

/** Names of the correlations that resolved, in evaluation order. */
function runnable(files: Record<string, string>): Array<string | undefined> {
  return createCorrelationEngine(loadRules(files)).correlations.map((item) => item.name);
}

describe('resolveCorrelations', () => {
  const idRule = 'title: By id\nid: 5638f7c0-ac70-491d-8465-2a65075e0d86\nlogsource:\n  product: test\ndetection:\n  selection:\n    EventID: 1\n  condition: selection\n';

  const cases: Array<{ name: string; files: Record<string, string>; diagnostics: string[]; runnable: string[] }> = [
    {
      name: 'references by name and id across files',
      files: { 'base.yml': BASE_RULES, 'id.yml': idRule, 'x.yml': correlation('x', '[a, 5638f7c0-ac70-491d-8465-2a65075e0d86]') },
      diagnostics: [],
      runnable: ['x'],
    },
    {
      name: 'an unknown rule',
      files: { 'base.yml': BASE_RULES, 'x.yml': correlation('x', '[a, nope]'), 'y.yml': correlation('y', '[a, b]') },
      diagnostics: ['UNKNOWN_RULE_REFERENCE error x.yml:5:14'],
      runnable: ['y'],
    },
    {
      name: 'one rule listed by id and by name',
      files: { 'base.yml': BASE_RULES, 'id.yml': idRule.replace('title: By id\n', 'title: By id\nname: by_id\n'), 'x.yml': correlation('x', '[by_id, 5638f7c0-ac70-491d-8465-2a65075e0d86]') },
      diagnostics: ['INVALID_CORRELATION error x.yml:5:18'],
      runnable: [],
    },
    {
      name: 'a name two rules share',
      files: { 'base.yml': BASE_RULES, 'again.yml': BASE_RULES.split('---\n')[0] as string, 'x.yml': correlation('x', '[a, b]') },
      diagnostics: ['UNKNOWN_RULE_REFERENCE error x.yml:5:11'],
      runnable: [],
    },
    {
      name: 'a cycle of two correlations',
      files: { 'base.yml': BASE_RULES, 'x.yml': `${correlation('x', '[a, y]')}---\n${correlation('y', '[b, x]')}` },
      diagnostics: ['CORRELATION_CYCLE error x.yml:12:14', 'INVALID_CORRELATION error x.yml:5:14'],
      runnable: [],
    },
    {
      name: 'a correlation that references itself',
      files: { 'base.yml': BASE_RULES, 'x.yml': correlation('x', '[a, x]'), 'y.yml': correlation('y', '[a, b]') },
      diagnostics: ['CORRELATION_CYCLE error x.yml:5:14'],
      runnable: ['y'],
    },
    {
      name: 'a correlation that references a broken one',
      files: { 'base.yml': BASE_RULES, 'x.yml': `${correlation('x', '[a, nope]')}---\n${correlation('y', '[b, x]')}` },
      diagnostics: ['UNKNOWN_RULE_REFERENCE error x.yml:5:14', 'INVALID_CORRELATION error x.yml:12:14'],
      runnable: [],
    },
    {
      name: 'an inner correlation defined after the outer one',
      files: { 'base.yml': BASE_RULES, 'x.yml': `${correlation('outer', '[inner, c]')}---\n${correlation('inner', '[a, b]')}` },
      diagnostics: [],
      runnable: ['inner', 'outer'],
    },
    {
      name: 'an alias naming an unknown rule',
      files: { 'base.yml': BASE_RULES, 'x.yml': correlation('x', '[a, b]', '  aliases:\n    ip:\n      a: SourceIp\n      nope: DestinationIp\n') },
      diagnostics: ['UNKNOWN_RULE_REFERENCE error x.yml:10:13'],
      runnable: [],
    },
    {
      name: 'an alias naming a rule the correlation does not list',
      files: { 'base.yml': BASE_RULES, 'x.yml': correlation('x', '[a, b]', '  aliases:\n    ip:\n      c: SourceIp\n') },
      diagnostics: ['INVALID_CORRELATION warning x.yml:9:10'],
      runnable: ['x'],
    },
  ];

  for (const testCase of cases) {
    test(`reports ${testCase.name}`, () => {
      assert.deepEqual(diagnosticsOf(testCase.files), testCase.diagnostics);
      assert.deepEqual(runnable(testCase.files), testCase.runnable);
    });
  }

  test('returns targets in the order of rules', () => {
    const collection = loadRules({ 'base.yml': BASE_RULES, 'x.yml': correlation('x', '[c, a]') });
    const [resolved] = resolveCorrelations(collection).correlations;
    assert.deepEqual(resolved?.targets.map((target) => target.name), ['c', 'a']);
  });
});
