import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getProfile } from './builtins.ts';
import type { Logsource } from '../sigma/model.ts';

const windows = getProfile('windows')!;
const raw = getProfile('raw')!;

function logsource(fields: Partial<Logsource>): Logsource {
  return { custom: {}, span: { file: 'rule.yml', line: 1, column: 1, yamlPath: ['logsource'] }, ...fields };
}

/** Variants written as `label: field=v1|v2 field=v3` for compact expectations. */
function summarize(fields: Partial<Logsource>): string[] {
  return windows.logsourceVariants(logsource(fields)).map(
    (variant) => `${variant.label}: ${variant.conditions.map((c) => `${c.field}=${c.values.join('|')}`).join(' ')}`,
  );
}

const SYSMON = 'Channel=Microsoft-Windows-Sysmon/Operational';

describe('windows logsource variants', () => {
  const cases: Array<{ logsource: Partial<Logsource>; expected: string[] }> = [
    {
      logsource: { product: 'windows', category: 'process_creation' },
      expected: [`Sysmon EventID 1: ${SYSMON} EventID=1`, 'Security EventID 4688: Channel=Security EventID=4688'],
    },
    { logsource: { product: 'windows', category: 'registry_set' }, expected: [`Sysmon EventID 13: ${SYSMON} EventID=13`] },
    { logsource: { product: 'windows', category: 'registry_event' }, expected: [`Sysmon EventID 12/13/14: ${SYSMON} EventID=12|13|14`] },
    {
      logsource: { product: 'windows', category: 'registry_add' },
      expected: [`Sysmon EventID 12 EventType CreateKey: ${SYSMON} EventID=12 EventType=CreateKey`],
    },
    {
      logsource: { product: 'windows', category: 'registry_delete' },
      expected: [`Sysmon EventID 12 EventType DeleteKey/DeleteValue: ${SYSMON} EventID=12 EventType=DeleteKey|DeleteValue`],
    },
    {
      logsource: { product: 'windows', category: 'ps_script' },
      expected: ['PowerShell EventID 4104: Channel=Microsoft-Windows-PowerShell/Operational|PowerShellCore/Operational EventID=4104'],
    },
    {
      logsource: { product: 'windows', category: 'ps_classic_start' },
      expected: ['Windows PowerShell EventID 400: Channel=Windows PowerShell EventID=400'],
    },
    { logsource: { product: 'windows', service: 'security' }, expected: ['Security: Channel=Security'] },
    { logsource: { product: 'windows', service: 'SYSMON' }, expected: [`Sysmon: ${SYSMON}`] },
    { logsource: { product: 'windows' }, expected: ['all windows events: '] },
    { logsource: {}, expected: ['all events: '] },
    // Category and service together: AND-ed, impossible combinations dropped.
    {
      logsource: { product: 'windows', category: 'process_creation', service: 'security' },
      expected: ['Security EventID 4688: Channel=Security EventID=4688'],
    },
    { logsource: { product: 'windows', category: 'process_creation', service: 'system' }, expected: [] },
    // No product: the category alone decides.
    {
      logsource: { category: 'antivirus' },
      expected: [
        'Windows Defender EventID 1006/1007/1008/1009/1010/1011/1012/1017/1018/1019/1115/1116: ' +
          'Channel=Microsoft-Windows-Windows Defender/Operational EventID=1006|1007|1008|1009|1010|1011|1012|1017|1018|1019|1115|1116',
      ],
    },
    // Nothing of this profile.
    { logsource: { product: 'linux', category: 'process_creation' }, expected: [] },
    { logsource: { product: 'windows', category: 'webserver' }, expected: [] },
    { logsource: { product: 'windows', service: 'no-such-service' }, expected: [] },
  ];
  for (const { logsource: fields, expected } of cases) {
    test(JSON.stringify(fields), () => {
      assert.deepEqual(summarize(fields), expected);
    });
  }

  test('Security 4688 renames process fields', () => {
    const [, security] = windows.logsourceVariants(logsource({ product: 'windows', category: 'process_creation' }));
    assert.equal(security!.fieldMap.Image, 'NewProcessName');
    assert.equal(security!.fieldMap.ParentImage, 'ParentProcessName');
  });

  test('antivirus renames Signature and Filename', () => {
    const [variant] = windows.logsourceVariants(logsource({ category: 'antivirus' }));
    assert.equal(variant!.fieldMap.Signature, 'Threat Name');
    assert.equal(variant!.fieldMap.Filename, 'Path');
  });

  test('windefend names Defender data without spaces', () => {
    const [variant] = windows.logsourceVariants(logsource({ product: 'windows', service: 'windefend' }));
    assert.equal(variant!.fieldMap.ThreatName, 'Threat Name');
    assert.equal(variant!.fieldMap.NewValue, 'New Value');
    assert.equal(variant!.fieldMap.Feature_Name, 'Feature Name');
  });
});

describe('variant copies', () => {
  test('changing a variant leaves the profile alone', () => {
    const source = logsource({ product: 'windows', category: 'process_creation' });
    const [first] = windows.logsourceVariants(source);
    first!.conditions[0]!.values.push('Changed');
    first!.fieldMap.Image = 'Changed';
    const [again] = windows.logsourceVariants(source);
    assert.deepEqual(again!.conditions[0]!.values, ['Microsoft-Windows-Sysmon/Operational']);
    assert.equal(again!.fieldMap.Image, undefined);
  });
});

describe('raw logsource variants', () => {
  test('every logsource selects every event', () => {
    for (const fields of [{}, { product: 'linux', service: 'auditd' }, { category: 'process_creation', product: 'windows' }]) {
      assert.deepEqual(raw.logsourceVariants(logsource(fields)), [{ conditions: [], fieldMap: {}, label: 'all events (logsource ignored)' }]);
    }
  });
});
