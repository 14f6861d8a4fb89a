import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadProfile } from './load.ts';
import type { Logsource } from '../sigma/model.ts';

const GOOD = `name: nxlog-sysmon
description: Sysmon events forwarded by NXLog as flat JSON
detect: [SourceName]
fields:
  EventID: EventID
  Channel: Channel
  Computer: Hostname
  Data: { collect: [Data1, Data2] }
  Odd: { keys: [meta, "dotted.key"] }
defaultPaths: ['{field}', 'EventData.{field}']
keyValue:
  - when: { Channel: Windows PowerShell, EventID: [400, 600] }
    path: Message
logsource:
  products: [windows]
  services:
    sysmon: { label: Sysmon, conditions: { Channel: Microsoft-Windows-Sysmon/Operational } }
  categories:
    process_creation:
      - service: sysmon
        conditions: { EventID: 1 }
    registry_add:
      service: sysmon
      conditions: { EventID: 12, EventType: CreateKey }
`;

function logsource(fields: Partial<Logsource>): Logsource {
  return { custom: {}, span: { file: 'rule.yml', line: 1, column: 1, yamlPath: [] }, ...fields };
}

describe('loadProfile', () => {
  test('valid file', () => {
    const { profile, diagnostics } = loadProfile(GOOD, 'nxlog.yml');
    assert.deepEqual(diagnostics, []);
    assert.ok(profile);
    assert.equal(profile.name, 'nxlog-sysmon');

    const event = {
      SourceName: 'Microsoft-Windows-Sysmon',
      EventID: 1,
      Hostname: 'pc1',
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Image: 'C:\\a.exe',
      EventData: { Extra: 'x' },
      Data1: 'one',
      Data2: 'two',
      meta: { 'dotted.key': 'odd' },
    };
    assert.equal(profile.fieldAccessor('Computer')(event), 'pc1');
    assert.equal(profile.fieldAccessor('Image')(event), 'C:\\a.exe');
    assert.equal(profile.fieldAccessor('Extra')(event), 'x');
    assert.deepEqual(profile.fieldAccessor('Data')(event), ['one', 'two']);
    assert.equal(profile.fieldAccessor('Odd')(event), 'odd');

    const variants = profile.logsourceVariants(logsource({ product: 'windows', category: 'process_creation' }));
    assert.deepEqual(variants, [
      {
        conditions: [
          { field: 'Channel', values: ['Microsoft-Windows-Sysmon/Operational'] },
          { field: 'EventID', values: ['1'] },
        ],
        fieldMap: {},
        label: 'Sysmon EventID 1',
      },
    ]);
    assert.equal(profile.logsourceVariants(logsource({ product: 'windows', category: 'registry_add' })).length, 1);
  });

  test('keyValue source', () => {
    const { profile } = loadProfile(GOOD, 'nxlog.yml');
    const event = { Channel: 'Windows PowerShell', EventID: '400', Message: 'Engine started.\r\n\tHostName=ConsoleHost\r\n' };
    assert.equal(profile!.fieldAccessor('HostName')(event), 'ConsoleHost');
    assert.equal(profile!.fieldAccessor('HostName')({ ...event, EventID: '4104' }), undefined);
  });

  test('logsource reused from a built-in profile', () => {
    const { profile, diagnostics } = loadProfile('name: mine\nlogsource: windows\n', 'mine.yml');
    assert.deepEqual(diagnostics, []);
    const variants = profile!.logsourceVariants(logsource({ product: 'windows', category: 'process_creation' }));
    assert.deepEqual(
      variants.map((variant) => variant.label),
      ['Sysmon EventID 1', 'Security EventID 4688'],
    );
  });

  test('no products accepts any product', () => {
    const text = 'name: any\nlogsource:\n  services:\n    auth: { conditions: { program: sshd } }\n';
    const { profile } = loadProfile(text, 'any.yml');
    assert.equal(profile!.logsourceVariants(logsource({ product: 'linux', service: 'auth' })).length, 1);
    assert.equal(profile!.logsourceVariants(logsource({ product: 'linux', service: 'cron' })).length, 0);
  });

  test('JSON text', () => {
    const { profile, diagnostics } = loadProfile('{"name": "json-profile", "fields": {"A": "x.y"}}', 'p.json');
    assert.deepEqual(diagnostics, []);
    assert.equal(profile!.fieldAccessor('A')({ x: { y: 3 } }), 3);
  });

  test('numbers stay text in conditions', () => {
    const text = 'name: hex\nlogsource:\n  services:\n    s: { conditions: { Keywords: 0x8020000000000000, EventID: 010 } }\n';
    const { profile } = loadProfile(text, 'hex.yml');
    const [variant] = profile!.logsourceVariants(logsource({ service: 's' }));
    assert.deepEqual(variant!.conditions, [
      { field: 'Keywords', values: ['0x8020000000000000'] },
      { field: 'EventID', values: ['010'] },
    ]);
  });
});

describe('loadProfile diagnostics', () => {
  const cases: Array<{ name: string; text: string; code: string; line: number; column: number; yamlPath: Array<string | number> }> = [
    { name: 'YAML syntax error', text: 'name: x\nfields: [a\n', code: 'YAML_SYNTAX', line: 3, column: 1, yamlPath: [] },
    { name: 'duplicate key', text: 'name: x\nname: y\n', code: 'YAML_SYNTAX', line: 2, column: 1, yamlPath: [] },
    { name: 'not a mapping', text: '- a\n- b\n', code: 'NOT_A_MAPPING', line: 1, column: 1, yamlPath: [] },
    { name: 'missing name', text: 'fields: {}\n', code: 'MISSING_FIELD', line: 1, column: 1, yamlPath: [] },
    { name: 'bad name', text: 'name: "two words"\n', code: 'INVALID_VALUE', line: 1, column: 7, yamlPath: ['name'] },
    { name: 'unknown top-level key', text: 'name: x\ncatgories: {}\n', code: 'INVALID_FIELD', line: 2, column: 1, yamlPath: ['catgories'] },
    { name: 'path of wrong type', text: 'name: x\nfields:\n  Image: { path: a }\n', code: 'INVALID_VALUE', line: 3, column: 10, yamlPath: ['fields', 'Image'] },
    { name: 'bad path in list', text: 'name: x\nfields:\n  Image: [a.b, {}]\n', code: 'INVALID_VALUE', line: 3, column: 16, yamlPath: ['fields', 'Image', 1] },
    {
      name: 'empty condition list',
      text: 'name: x\nlogsource:\n  services:\n    s:\n      conditions: { Channel: [] }\n',
      code: 'INVALID_VALUE',
      line: 5,
      column: 30,
      yamlPath: ['logsource', 'services', 's', 'conditions', 'Channel'],
    },
    {
      name: 'unknown service reference',
      text: 'name: x\nlogsource:\n  categories:\n    c:\n      service: nope\n',
      code: 'INVALID_VALUE',
      line: 5,
      column: 16,
      yamlPath: ['logsource', 'categories', 'c', 'service'],
    },
    {
      name: 'unknown variant key',
      text: 'name: x\nlogsource:\n  services:\n    s: { condition: { a: 1 } }\n',
      code: 'INVALID_FIELD',
      line: 4,
      column: 10,
      yamlPath: ['logsource', 'services', 's', 'condition'],
    },
    { name: 'unknown built-in logsource', text: 'name: x\nlogsource: linux\n', code: 'INVALID_VALUE', line: 2, column: 12, yamlPath: ['logsource'] },
    { name: 'keyValue not a list', text: 'name: x\nkeyValue: {}\n', code: 'INVALID_VALUE', line: 2, column: 11, yamlPath: ['keyValue'] },
  ];
  for (const { name, text, code, line, column, yamlPath } of cases) {
    test(name, () => {
      const { profile, diagnostics } = loadProfile(text, 'bad.yml');
      assert.equal(profile, undefined);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const [diagnostic] = diagnostics;
      assert.equal(diagnostic!.code, code);
      assert.equal(diagnostic!.severity, 'error');
      assert.equal(diagnostic!.span.file, 'bad.yml');
      assert.deepEqual([diagnostic!.span.line, diagnostic!.span.column], [line, column]);
      assert.deepEqual(diagnostic!.span.yamlPath, yamlPath);
    });
  }
});
