import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCorrelation } from './correlation.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { RuleMetadata, SigmaCorrelation } from './model.ts';
import { parseYamlDocuments } from './yaml.ts';

function parse(yaml: string): { correlation: SigmaCorrelation | undefined; diagnostics: string[] } {
  const { documents } = parseYamlDocuments(yaml, 'c.yml');
  const document = documents[0];
  assert.ok(document !== undefined);
  const diagnostics: Diagnostic[] = [];
  const metadata: RuleMetadata = {
    title: 'T', related: [], references: [], fields: [], falsepositives: [], tags: [], scope: [], custom: {},
    origin: { file: 'c.yml', documentIndex: 0, span: document.spanOf([]), text: yaml },
  };
  const correlation = parseCorrelation(document.value as Record<string, unknown>, metadata, document.spanOf, (item) => diagnostics.push(item));
  return {
    correlation,
    diagnostics: diagnostics.map((item) => `${item.code} ${item.severity} ${item.span.line}:${item.span.column}`),
  };
}

/** A correlation section with the given lines replacing the defaults of the same key. */
function section(lines: Record<string, string | undefined>): string {
  const defaults: Record<string, string | undefined> = {
    type: 'event_count',
    rules: '[failed_logon]',
    'group-by': '[User]',
    timespan: '5m',
    condition: '{gte: 10}',
  };
  const merged = { ...defaults, ...lines };
  const body = Object.entries(merged)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `  ${key}: ${value}`)
    .join('\n');
  return `title: T\ncorrelation:\n${body}\n`;
}

describe('parseCorrelation', () => {
  test('reads the specification example', () => {
    const { correlation, diagnostics } = parse(section({}));
    assert.deepEqual(diagnostics, []);
    const model = correlation?.correlation;
    assert.equal(correlation?.kind, 'correlation');
    assert.equal(model?.type, 'event_count');
    assert.deepEqual(model?.rules.map((rule) => [rule.reference, rule.span.line, rule.span.column]), [['failed_logon', 4, 11]]);
    assert.deepEqual(model?.groupBy, ['User']);
    assert.deepEqual([model?.timespan.text, model?.timespan.seconds], ['5m', 300]);
    assert.deepEqual(model?.condition, { kind: 'Threshold', bounds: [{ operator: 'gte', value: 10 }], fields: [], span: model?.condition?.span });
    assert.equal(model?.generate, false);
  });

  const valid: Array<{ name: string; yaml: string; check: (correlation: SigmaCorrelation) => void }> = [
    { name: 'rules as one string', yaml: section({ rules: 'failed_logon' }), check: (c) => assert.deepEqual(c.correlation.rules.map((r) => r.reference), ['failed_logon']) },
    { name: 'group-by as one string', yaml: section({ 'group-by': 'User' }), check: (c) => assert.deepEqual(c.correlation.groupBy, ['User']) },
    { name: 'no group-by', yaml: section({ 'group-by': undefined }), check: (c) => assert.deepEqual(c.correlation.groupBy, []) },
    {
      name: 'a range of two operators',
      yaml: section({ condition: '{gt: 100, lte: 200}' }),
      check: (c) => assert.deepEqual(c.correlation.condition?.kind === 'Threshold' && c.correlation.condition.bounds, [{ operator: 'gt', value: 100 }, { operator: 'lte', value: 200 }]),
    },
    {
      name: 'value_count with two fields',
      yaml: section({ type: 'value_count', condition: '{field: [User, Computer], gte: 3}' }),
      check: (c) => assert.deepEqual(c.correlation.condition?.kind === 'Threshold' && c.correlation.condition.fields, ['User', 'Computer']),
    },
    {
      name: 'value_median as the 50th percentile',
      yaml: section({ type: 'value_median', condition: '{field: Duration, gt: 1.5}' }),
      check: (c) => assert.deepEqual(c.correlation.condition?.kind === 'Threshold' && [c.correlation.condition.percentile, c.correlation.condition.bounds[0]?.value], [50, 1.5]),
    },
    {
      name: 'value_percentile with its rank',
      yaml: section({ type: 'value_percentile', condition: '{field: Duration, percentile: 95, gte: 100}' }),
      check: (c) => assert.equal(c.correlation.condition?.kind === 'Threshold' && c.correlation.condition.percentile, 95),
    },
    { name: 'temporal without condition', yaml: section({ type: 'temporal', condition: undefined }), check: (c) => assert.equal(c.correlation.condition, undefined) },
    {
      name: 'temporal with an expression',
      yaml: section({ type: 'temporal', rules: '[recon, admin_logon]', condition: 'recon and not admin_logon' }),
      check: (c) => {
        assert.equal(c.correlation.condition?.kind, 'Expression');
        assert.equal(c.correlation.condition?.kind === 'Expression' && c.correlation.condition.expression.kind, 'And');
      },
    },
    { name: 'generate under correlation', yaml: section({ generate: 'true' }), check: (c) => assert.equal(c.correlation.generate, true) },
    { name: 'generate at the top level', yaml: `generate: true\n${section({})}`, check: (c) => assert.equal(c.correlation.generate, true) },
    {
      name: 'aliases with their spans',
      yaml: `${section({ 'group-by': '[ip]' })}  aliases:\n    ip:\n      failed_logon: IpAddress\n`,
      check: (c) => {
        assert.deepEqual(c.correlation.aliases, { ip: { failed_logon: 'IpAddress' } });
        assert.deepEqual(c.correlation.aliasReferences.map((r) => [r.reference, r.span.line]), [['failed_logon', 10]]);
      },
    },
  ];
  for (const { name, yaml, check } of valid) {
    test(`reads ${name}`, () => {
      const { correlation, diagnostics } = parse(yaml);
      assert.deepEqual(diagnostics, []);
      assert.ok(correlation !== undefined);
      check(correlation);
    });
  }

  // Expected diagnostics as `CODE severity line:column`; line 2 is `correlation:`, keys follow in the order of `section`.
  const invalid: Array<{ name: string; yaml: string; expected: string[]; loads?: boolean }> = [
    { name: 'a correlation that is not a mapping', yaml: 'title: T\ncorrelation: yes\n', expected: ['INVALID_CORRELATION error 2:14'] },
    { name: 'a missing type', yaml: section({ type: undefined }), expected: ['MISSING_FIELD error 3:3'] },
    { name: 'an unknown type', yaml: section({ type: 'event_sum' }), expected: ['INVALID_CORRELATION error 3:9'] },
    { name: 'missing rules', yaml: section({ rules: undefined }), expected: ['MISSING_FIELD error 3:3'] },
    { name: 'an empty rule list', yaml: section({ rules: '[]' }), expected: ['INVALID_CORRELATION error 4:10'] },
    { name: 'a rule reference that is a map', yaml: section({ rules: '[{a: b}]' }), expected: ['INVALID_CORRELATION error 4:11'] },
    { name: 'a missing timespan', yaml: section({ timespan: undefined }), expected: ['MISSING_FIELD error 3:3'] },
    { name: 'a timespan with an unknown unit', yaml: section({ timespan: '5x' }), expected: ['INVALID_TIMESPAN error 6:14'] },
    { name: 'a timespan without unit', yaml: section({ timespan: '300' }), expected: ['INVALID_TIMESPAN error 6:16'] },
    { name: 'a missing threshold', yaml: section({ condition: undefined }), expected: ['MISSING_FIELD error 3:3'] },
    { name: 'an unknown condition key', yaml: section({ condition: '{gte: 1, above: 2}' }), expected: ['INVALID_CORRELATION error 7:23'] },
    { name: 'a threshold that is not a number', yaml: section({ condition: '{gte: ten}' }), expected: ['INVALID_CORRELATION error 7:20'] },
    { name: 'a condition without operator', yaml: section({ type: 'value_count', condition: '{field: User}' }), expected: ['INVALID_CORRELATION error 7:14'] },
    { name: 'value_count without field', yaml: section({ type: 'value_count' }), expected: ['MISSING_FIELD error 7:14'] },
    { name: 'value_sum with two fields', yaml: section({ type: 'value_sum', condition: '{field: [a, b], gt: 1}' }), expected: ['INVALID_CORRELATION error 7:14'] },
    { name: 'value_percentile without rank', yaml: section({ type: 'value_percentile', condition: '{field: a, gt: 1}' }), expected: ['MISSING_FIELD error 7:14'] },
    { name: 'a percentile above 100', yaml: section({ type: 'value_percentile', condition: '{field: a, percentile: 150, gt: 1}' }), expected: ['INVALID_CORRELATION error 7:37'] },
    { name: 'an expression on event_count', yaml: section({ condition: 'failed_logon' }), expected: ['INVALID_CORRELATION error 7:14'] },
    { name: 'an expression with a syntax error', yaml: section({ type: 'temporal', rules: '[a, b]', condition: 'a and and b' }), expected: ['CONDITION_SYNTAX error 7:20'] },
    { name: 'an expression naming an unlisted rule', yaml: section({ type: 'temporal', rules: '[a, b]', condition: 'a and c' }), expected: ['UNKNOWN_IDENTIFIER error 7:20'] },
    { name: 'an expression leaving out a rule', yaml: section({ type: 'temporal', rules: '[a, b, c]', condition: 'a and b' }), expected: ['INVALID_CORRELATION error 7:14'] },
    { name: 'aliases that are a list', yaml: section({ aliases: '[a]' }), expected: ['INVALID_CORRELATION error 8:12'] },
    { name: 'an alias without field', yaml: section({ aliases: '{ip: {failed_logon: [x]}}' }), expected: ['INVALID_CORRELATION error 8:32'] },
    { name: 'generate that is not a boolean', yaml: section({ generate: 'sometimes' }), expected: ['INVALID_CORRELATION error 8:13'] },
    { name: 'an unknown key', yaml: section({ window: '5m' }), expected: ['INVALID_CORRELATION warning 8:3'], loads: true },
    { name: 'a rule listed twice', yaml: section({ rules: '[a, a]' }), expected: ['INVALID_CORRELATION warning 4:14'], loads: true },
    { name: 'field in an event_count', yaml: section({ condition: '{gte: 1, field: User}' }), expected: ['INVALID_CORRELATION warning 7:23'], loads: true },
    { name: 'conflicting generate keys', yaml: `generate: false\n${section({ generate: 'true' })}`, expected: ['INVALID_CORRELATION warning 1:1'], loads: true },
  ];
  for (const { name, yaml, expected, loads } of invalid) {
    test(`reports ${name}`, () => {
      const { correlation, diagnostics } = parse(yaml);
      assert.deepEqual(diagnostics, expected);
      assert.equal(correlation !== undefined, loads === true);
    });
  }
});
