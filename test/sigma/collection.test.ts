// Rule collections, filters, metadata and the condition printer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateRule, filtersForRule } from '../../src/engine/index.ts';
import { parseCondition, parseSigmaText, printCondition } from '../../src/sigma/index.ts';
import { plainProfile } from '../support/rules.ts';

describe('rule collections', () => {
  const text = [
    'action: global',
    'title: Shared',
    'logsource:',
    '    product: windows',
    'detection:',
    '    condition: sel',
    '---',
    'logsource:',
    '    category: process_creation',
    'detection:',
    '    sel:',
    '        Image: a.exe',
    '---',
    'action: repeat',
    'title: Repeated',
    'detection:',
    '    sel:',
    '        Image: b.exe',
    '---',
    'action: reset',
    '---',
    'title: Alone',
    'logsource:',
    '    product: linux',
    'detection:',
    '    sel:',
    '        A: 1',
    '    condition: sel',
    '',
  ].join('\n');
  const { rules, diagnostics } = parseSigmaText(text, 'collection.yml');

  test('global merges into following documents', () => {
    assert.deepEqual(diagnostics, []);
    assert.equal(rules.length, 3);
    assert.equal(rules[0]!.title, 'Shared');
    assert.deepEqual([rules[0]!.logsource.product, rules[0]!.logsource.category], ['windows', 'process_creation']);
  });

  test('repeat re-emits the previous rule with changes', () => {
    assert.equal(rules[1]!.title, 'Repeated');
    assert.equal(rules[1]!.logsource.category, 'process_creation');
    assert.equal(evaluateRule(rules[1]!, { Image: 'b.exe' }, plainProfile), true);
  });

  test('reset clears the global document', () => {
    assert.equal(rules[2]!.logsource.product, 'linux');
    assert.equal(rules[2]!.logsource.category, undefined);
  });

  test('errors in merged documents point into their own document', () => {
    const broken = 'action: global\ntitle: G\nlogsource:\n    product: windows\n---\ndetection:\n    sel:\n        A|bad: 1\n    condition: sel\n';
    const result = parseSigmaText(broken, 'broken.yml');
    assert.equal(result.diagnostics[0]!.code, 'UNKNOWN_MODIFIER');
    assert.equal(result.diagnostics[0]!.span.line, 8);
  });
});

describe('metadata', () => {
  test('every specification field and custom fields are kept', () => {
    const text = [
      'title: Meta',
      'id: 11111111-1111-4111-8111-111111111111',
      'name: meta_rule',
      'related:',
      '    - id: 22222222-2222-4222-8222-222222222222',
      '      type: derived',
      'taxonomy: sigma',
      'status: test',
      'description: A description',
      'license: DRL-1.1',
      'author: Someone',
      'references:',
      '    - https://example.org',
      'date: 2024-01-02',
      'modified: 2024-02-03',
      'logsource:',
      '    product: windows',
      '    definition: Needs auditing',
      '    custom_key: kept',
      'detection:',
      '    sel:',
      '        A: 1',
      '    condition: sel',
      'fields:',
      '    - A',
      'falsepositives:',
      '    - Admins',
      'level: high',
      'tags:',
      '    - attack.execution',
      'scope:',
      '    - server',
      'regression_tests_path: some/path',
      '',
    ].join('\n');
    const rule = parseSigmaText(text, 'meta.yml').rules[0]!;
    assert.equal(rule.name, 'meta_rule');
    assert.deepEqual(rule.related, [{ id: '22222222-2222-4222-8222-222222222222', type: 'derived' }]);
    assert.equal(rule.taxonomy, 'sigma');
    assert.equal(rule.status, 'test');
    assert.equal(rule.license, 'DRL-1.1');
    assert.equal(rule.date, '2024-01-02');
    assert.equal(rule.modified, '2024-02-03');
    assert.deepEqual(rule.fields, ['A']);
    assert.deepEqual(rule.falsepositives, ['Admins']);
    assert.deepEqual(rule.scope, ['server']);
    assert.equal(rule.logsource.definition, 'Needs auditing');
    assert.deepEqual(rule.logsource.custom, { custom_key: 'kept' });
    assert.deepEqual(rule.custom, { regression_tests_path: 'some/path' });
    assert.match(rule.origin.text, /^title: Meta/);
  });
});

describe('filters', () => {
  const rulesText = [
    'title: Rule A',
    'id: aaaaaaaa-0000-4000-8000-000000000001',
    'name: rule_a',
    'logsource:',
    '    category: process_creation',
    '    product: windows',
    'detection:',
    '    sel:',
    '        Image|endswith: .exe',
    '    condition: sel',
    '---',
    'title: Rule B',
    'id: bbbbbbbb-0000-4000-8000-000000000002',
    'logsource:',
    '    category: network_connection',
    '    product: windows',
    'detection:',
    '    sel:',
    '        Image|endswith: .exe',
    '    condition: sel',
    '',
  ].join('\n');
  const filterText = [
    'title: Allow the updater',
    'logsource:',
    '    category: process_creation',
    '    product: windows',
    'filter:',
    '    rules:',
    '        - rule_a',
    '        - bbbbbbbb-0000-4000-8000-000000000002',
    '    selection:',
    '        User: SYSTEM',
    '    condition: not selection',
    '',
  ].join('\n');
  const collection = parseSigmaText(rulesText, 'rules.yml');
  const filters = parseSigmaText(filterText, 'filter.yml').filters;

  test('filter loads', () => {
    assert.equal(filters.length, 1);
    assert.deepEqual(filters[0]!.rules, ['rule_a', 'bbbbbbbb-0000-4000-8000-000000000002']);
  });

  test('applies by name within its logsource', () => {
    const ruleA = collection.rules[0]!;
    assert.equal(filtersForRule(ruleA, filters).length, 1);
    assert.equal(evaluateRule(ruleA, { Image: 'x.exe', User: 'SYSTEM' }, plainProfile, filtersForRule(ruleA, filters)), false);
    assert.equal(evaluateRule(ruleA, { Image: 'x.exe', User: 'alice' }, plainProfile, filtersForRule(ruleA, filters)), true);
    assert.equal(evaluateRule(ruleA, { Image: 'x.exe' }, plainProfile, filtersForRule(ruleA, filters)), true);
  });

  test('does not apply outside its logsource', () => {
    assert.equal(filtersForRule(collection.rules[1]!, filters).length, 0);
  });
});

describe('condition printer', () => {
  const conditions = [
    'a',
    'a and b or c',
    'a and (b or c)',
    'not a and b',
    'not (a and b)',
    '1 of sel_* and not all of filter_*',
    '(a or b) and (c or not a)',
    'all of them',
  ];
  const span = { file: 'x', line: 1, column: 1, yamlPath: [] };
  const names = ['a', 'b', 'c', 'sel_x', 'filter_y'];
  for (const text of conditions) {
    test(`round trip: ${text}`, () => {
      const tree = parseCondition(text, span, names);
      const printed = printCondition(tree);
      const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, item) => (key === 'span' ? undefined : item)));
      assert.deepEqual(strip(parseCondition(printed, span, names)), strip(tree));
    });
  }
});
