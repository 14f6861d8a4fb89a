import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getProfile } from '../../src/profiles/index.ts';
import { toAttributesShape } from './evtx-shapes.ts';
import { POWERSHELL_400, POWERSHELL_800, SECURITY_1102, SECURITY_4688, SYSMON_1, SYSTEM_7036 } from './events.ts';

const windows = getProfile('windows')!;

type Event = Record<string, unknown>;

const SHAPES: Array<{ name: string; convert: (event: Event) => Event }> = [
  { name: 'separate attributes', convert: (event) => event },
  { name: '#attributes', convert: (event) => toAttributesShape(event) as Event },
];

const CASES: Array<{ event: Event; field: string; expected: unknown }> = [
  // System values
  { event: SYSMON_1, field: 'EventID', expected: 1 },
  { event: SYSMON_1, field: 'Channel', expected: 'Microsoft-Windows-Sysmon/Operational' },
  { event: SYSMON_1, field: 'Provider_Name', expected: 'Microsoft-Windows-Sysmon' },
  { event: SYSMON_1, field: 'Provider_Guid', expected: '5770385F-C22A-43E0-BF4C-06F5698FFBD9' },
  { event: SYSMON_1, field: 'Computer', expected: 'IEWIN7' },
  { event: SYSMON_1, field: 'Security_UserID', expected: 'S-1-5-18' },
  { event: SYSMON_1, field: 'EventRecordID', expected: 1017 },
  { event: SYSMON_1, field: 'Level', expected: 4 },
  { event: SYSMON_1, field: 'Task', expected: 1 },
  { event: SYSMON_1, field: 'Opcode', expected: 0 },
  { event: SYSMON_1, field: 'Version', expected: 5 },
  { event: SYSMON_1, field: 'Keywords', expected: '0x8000000000000000' },
  { event: SYSMON_1, field: 'TimeCreated_SystemTime', expected: '2019-05-23T17:26:08.716859Z' },
  { event: SYSMON_1, field: 'Execution_ProcessID', expected: 2032 },
  { event: SYSMON_1, field: 'Execution_ThreadID', expected: 2092 },
  { event: SYSMON_1, field: 'Correlation_ActivityID', expected: undefined },
  // EventData by name, with the values' own types and whitespace
  { event: SYSMON_1, field: 'Image', expected: 'C:\\Windows\\System32\\cmd.exe' },
  { event: SYSMON_1, field: 'CommandLine', expected: 'cmd.exe /c whoami ' },
  { event: SYSMON_1, field: 'ProcessId', expected: 3388 },
  { event: SYSMON_1, field: 'RuleName', expected: '' },
  { event: SYSMON_1, field: 'LogonId', expected: '0xf347' },
  { event: SYSMON_1, field: 'OriginalFileName', expected: undefined },
  { event: SECURITY_4688, field: 'NewProcessName', expected: 'C:\\Windows\\System32\\cmd.exe' },
  { event: SECURITY_4688, field: 'ProcessId', expected: '0x46c' },
  { event: SECURITY_4688, field: 'Security_UserID', expected: undefined },
  // UserData: one level deeper, under the provider's element
  { event: SECURITY_1102, field: 'SubjectUserName', expected: 'admmig' },
  { event: SECURITY_1102, field: 'SubjectUserSid', expected: 'S-1-5-21-1111' },
  { event: SECURITY_1102, field: 'EventID', expected: 1102 },
  // EventID with attributes, unnamed Data list, Binary
  { event: SYSTEM_7036, field: 'EventID', expected: 7036 },
  { event: SYSTEM_7036, field: 'EventID_Qualifiers', expected: 16384 },
  { event: SYSTEM_7036, field: 'Provider_EventSourceName', expected: 'Service Control Manager' },
  { event: SYSTEM_7036, field: 'Data', expected: ['Windows Update', 'running'] },
  { event: SYSTEM_7036, field: 'Binary', expected: '770075006100750073006500720076002F0034000000' },
  // PowerShell classic: Key=Value lines of the details item
  { event: POWERSHELL_400, field: 'HostApplication', expected: 'powershell.exe -version 2 -nop' },
  { event: POWERSHELL_400, field: 'EngineVersion', expected: '2.0' },
  { event: POWERSHELL_400, field: 'HostVersion', expected: '2.0' },
  { event: POWERSHELL_400, field: 'NewEngineState', expected: 'Available' },
  { event: POWERSHELL_400, field: 'CommandLine', expected: '' },
  { event: POWERSHELL_400, field: 'Binary', expected: null },
  { event: POWERSHELL_400, field: 'Data', expected: POWERSHELL_400.Event.EventData.Data['#text'] },
  { event: POWERSHELL_800, field: 'HostApplication', expected: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe' },
  { event: POWERSHELL_800, field: 'CommandLine', expected: 'Get-LocalGroupMember -Name Administrators' },
  { event: POWERSHELL_800, field: 'UserId', expected: 'OFFSEC\\admmig' },
  { event: POWERSHELL_800, field: 'ParameterBinding(Get-LocalGroupMember): name', expected: undefined },
  // Key=Value lines count only in PowerShell classic events
  { event: SYSTEM_7036, field: 'HostApplication', expected: undefined },
];

for (const shape of SHAPES) {
  describe(`windows fields, ${shape.name} shape`, () => {
    for (const { event, field, expected } of CASES) {
      const system = (event.Event as { System: { Channel: string; EventID: number } }).System;
      test(`${field} of ${system.Channel} ${system.EventID}`, () => {
        assert.deepEqual(windows.fieldAccessor(field)(shape.convert(event)), expected);
      });
    }
  });
}

describe('windows fields, hand-written #attributes shape', () => {
  // As the evtx crate renders a classic System event.
  const event = {
    Event: {
      '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
      System: {
        Provider: { '#attributes': { Name: 'Service Control Manager', EventSourceName: 'Service Control Manager' } },
        EventID: { '#attributes': { Qualifiers: 16384 }, '#text': 7045 },
        Channel: 'System',
        Security: { '#attributes': { UserID: 'S-1-5-21-1' } },
      },
      EventData: { ServiceName: 'evil', ImagePath: 'C:\\evil.exe' },
    },
  };
  const cases: Array<[string, unknown]> = [
    ['EventID', 7045],
    ['EventID_Qualifiers', 16384],
    ['Provider_Name', 'Service Control Manager'],
    ['Security_UserID', 'S-1-5-21-1'],
    ['ServiceName', 'evil'],
    ['ImagePath', 'C:\\evil.exe'],
  ];
  for (const [field, expected] of cases) {
    test(field, () => {
      assert.deepEqual(windows.fieldAccessor(field)(event), expected);
    });
  }
});

describe('windows fieldPaths', () => {
  test('explicit field lists both shapes', () => {
    assert.deepEqual(windows.fieldPaths('Provider_Name'), [
      ['Event', 'System', 'Provider', '#attributes', 'Name'],
      ['Event', 'System', 'Provider_attributes', 'Name'],
    ]);
  });

  test('other field goes to EventData then UserData', () => {
    assert.deepEqual(windows.fieldPaths('Image'), [
      ['Event', 'EventData', 'Image'],
      ['Event', 'UserData', '*', 'Image'],
    ]);
  });
});
