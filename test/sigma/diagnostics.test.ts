// Every diagnostic code the loader reports, with its position; and the other rules of a file still load.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeCollections, parseSigmaText, type DiagnosticCode } from '../../src/sigma/index.ts';

interface Case {
  name: string;
  text: string;
  code: DiagnosticCode;
  line: number;
  /** Column, when the case pins one. */
  column?: number;
  severity?: 'error' | 'warning';
}

const header = 'title: T\nlogsource:\n    product: windows\n';
const detection = (body: string): string => `${header}detection:\n${body}`;

const cases: Case[] = [
  { name: 'broken YAML', text: 'title: T\nlogsource: [a\n', code: 'YAML_SYNTAX', line: 3 },
  { name: 'duplicate key', text: detection('    sel:\n        A: 1\n        A: 2\n    condition: sel\n'), code: 'YAML_SYNTAX', line: 7 },
  { name: 'not a mapping', text: '- a\n- b\n', code: 'NOT_A_MAPPING', line: 1 },
  { name: 'missing title', text: 'logsource:\n    product: x\ndetection:\n    sel:\n        A: 1\n    condition: sel\n', code: 'MISSING_FIELD', line: 1 },
  { name: 'missing condition', text: detection('    sel:\n        A: 1\n'), code: 'MISSING_FIELD', line: 5 },
  { name: 'missing logsource', text: 'title: T\ndetection:\n    sel:\n        A: 1\n    condition: sel\n', code: 'MISSING_FIELD', line: 1 },
  { name: 'title not a string', text: 'title: [a]\nlogsource:\n    product: x\ndetection:\n    sel:\n        A: 1\n    condition: sel\n', code: 'INVALID_FIELD', line: 1, column: 8 },
  { name: 'unknown level', text: `${header}level: severe\ndetection:\n    sel:\n        A: 1\n    condition: sel\n`, code: 'INVALID_FIELD', line: 4, severity: 'warning' },
  { name: 'value is a map', text: detection('    sel:\n        A:\n            b: 1\n    condition: sel\n'), code: 'INVALID_VALUE', line: 7 },
  { name: 'empty value list', text: detection('    sel:\n        A: []\n    condition: sel\n'), code: 'INVALID_VALUE', line: 6 },
  { name: 'unknown document', text: 'title: T\nfoo: bar\n', code: 'UNKNOWN_DOCUMENT', line: 1 },
  { name: 'unknown action', text: 'action: merge\ntitle: T\n', code: 'COLLECTION_ACTION', line: 1, column: 9 },
  { name: 'repeat without rule', text: 'action: repeat\ntitle: T\n', code: 'COLLECTION_ACTION', line: 1 },
  { name: 'unknown modifier', text: detection("    sel:\n        Image|endwith: 'x'\n    condition: sel\n"), code: 'UNKNOWN_MODIFIER', line: 6, column: 9 },
  { name: 'two match modifiers', text: detection("    sel:\n        Image|contains|endswith: 'x'\n    condition: sel\n"), code: 'INVALID_MODIFIER_CHAIN', line: 6 },
  { name: 're with contains', text: detection("    sel:\n        Image|re|contains: 'x'\n    condition: sel\n"), code: 'INVALID_MODIFIER_CHAIN', line: 6 },
  { name: 'flag without re', text: detection("    sel:\n        Image|i: 'x'\n    condition: sel\n"), code: 'INVALID_MODIFIER_CHAIN', line: 6 },
  { name: 'utf16 without base64', text: detection("    sel:\n        A|wide|contains: 'x'\n    condition: sel\n"), code: 'INVALID_MODIFIER_CHAIN', line: 6 },
  { name: 'base64offset without contains', text: detection("    sel:\n        A|base64offset: 'x'\n    condition: sel\n"), code: 'INVALID_MODIFIER_CHAIN', line: 6 },
  { name: 'exists with other modifier', text: detection('    sel:\n        A|exists|cased: true\n    condition: sel\n'), code: 'INVALID_MODIFIER_CHAIN', line: 6 },
  { name: 'exists takes boolean', text: detection("    sel:\n        A|exists: 'yes'\n    condition: sel\n"), code: 'INVALID_MODIFIER_VALUE', line: 6 },
  { name: 'gt takes number', text: detection("    sel:\n        A|gt: 'ten'\n    condition: sel\n"), code: 'INVALID_MODIFIER_VALUE', line: 6, column: 15 },
  { name: 'bad regex', text: detection("    sel:\n        A|re: 'a(b'\n    condition: sel\n"), code: 'INVALID_REGEX', line: 6, column: 15 },
  { name: 'bad cidr', text: detection("    sel:\n        A|cidr:\n            - '10.0.0.0/8'\n            - '10.0.0.300/8'\n    condition: sel\n"), code: 'INVALID_CIDR', line: 8, column: 15 },
  { name: 'wildcard under base64', text: detection("    sel:\n        A|base64|contains: 'a*b'\n    condition: sel\n"), code: 'INVALID_WILDCARD', line: 6 },
  { name: 'unresolved placeholder', text: detection("    sel:\n        A|expand: '%admins%'\n    condition: sel\n"), code: 'UNRESOLVED_PLACEHOLDER', line: 6, severity: 'warning' },
  { name: 'empty search', text: detection('    sel:\n    condition: sel\n'), code: 'EMPTY_DETECTION', line: 5 },
  { name: 'condition syntax', text: detection('    sel:\n        A: 1\n    condition: sel and\n'), code: 'CONDITION_SYNTAX', line: 7, column: 23 },
  { name: 'condition bad character', text: detection('    sel:\n        A: 1\n    condition: sel & sel\n'), code: 'CONDITION_SYNTAX', line: 7, column: 20 },
  { name: 'condition aggregation', text: detection('    sel:\n        A: 1\n    condition: sel | count() > 5\n'), code: 'CONDITION_SYNTAX', line: 7, column: 20 },
  { name: 'unknown identifier', text: detection('    sel:\n        A: 1\n    condition: sel and not filter\n'), code: 'UNKNOWN_IDENTIFIER', line: 7, column: 28 },
  { name: 'quoted condition column', text: detection("    sel:\n        A: 1\n    condition: 'sel or other'\n"), code: 'UNKNOWN_IDENTIFIER', line: 7, column: 24 },
  { name: 'pattern matches nothing', text: detection('    sel:\n        A: 1\n    condition: 1 of filter_*\n'), code: 'EMPTY_PATTERN', line: 7, column: 21 },
];

describe('diagnostics', () => {
  for (const row of cases) {
    test(row.name, () => {
      const { diagnostics } = parseSigmaText(row.text, 'rule.yml');
      const found = diagnostics.find((diagnostic) => diagnostic.code === row.code);
      assert.ok(found, `expected ${row.code}, got ${JSON.stringify(diagnostics.map((d) => [d.code, d.message]))}`);
      assert.equal(found.span.file, 'rule.yml');
      assert.equal(found.span.line, row.line, found.message);
      if (row.column !== undefined) assert.equal(found.span.column, row.column, found.message);
      assert.equal(found.severity, row.severity ?? 'error');
    });
  }
});

describe('diagnostics across files', () => {
  test('duplicate id warns', () => {
    const rule = (title: string): string => `title: ${title}\nid: 11111111-2222-4333-8444-555555555555\nlogsource:\n    product: x\ndetection:\n    sel:\n        A: 1\n    condition: sel\n`;
    const merged = mergeCollections([parseSigmaText(rule('One'), 'one.yml'), parseSigmaText(rule('Two'), 'two.yml')]);
    const duplicate = merged.diagnostics.find((diagnostic) => diagnostic.code === 'DUPLICATE_ID');
    assert.equal(duplicate?.severity, 'warning');
    assert.equal(duplicate?.span.file, 'two.yml');
    assert.equal(merged.rules.length, 2);
  });

  test('YAML warning is reported', () => {
    const { diagnostics } = parseSigmaText('title: !custom T\nlogsource:\n    product: x\ndetection:\n    sel:\n        A: 1\n    condition: sel\n', 'old.yml');
    const warning = diagnostics.find((diagnostic) => diagnostic.code === 'YAML_WARNING');
    assert.equal(warning?.span.line, 1);
    assert.equal(warning?.severity, 'warning');
  });
});

describe('loading goes on after an error', () => {
  test('other documents of the file load', () => {
    const good = 'title: Good\nlogsource:\n    product: windows\ndetection:\n    sel:\n        A: 1\n    condition: sel\n';
    const bad = 'title: Bad\nlogsource:\n    product: windows\ndetection:\n    sel:\n        A|nope: 1\n    condition: sel\n';
    const { rules, diagnostics } = parseSigmaText(`${good}---\n${bad}---\n${good.replace('Good', 'Also good')}`, 'many.yml');
    assert.deepEqual(rules.map((rule) => rule.title), ['Good', 'Also good']);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.span.line, 14);
  });

  test('hostile nesting does not crash', () => {
    const deep = `${'('.repeat(5000)}sel${')'.repeat(5000)}`;
    const { diagnostics } = parseSigmaText(detection(`    sel:\n        A: 1\n    condition: ${deep}\n`), 'deep.yml');
    assert.equal(diagnostics[0]!.code, 'CONDITION_SYNTAX');
  });

  test('huge value list loads', () => {
    const values = Array.from({ length: 20000 }, (_, index) => `            - 'value${index}'`).join('\n');
    const { rules } = parseSigmaText(detection(`    sel:\n        A:\n${values}\n    condition: sel\n`), 'huge.yml');
    assert.equal(rules[0]!.detection.searches[0]!.body.kind, 'Item');
  });
});
