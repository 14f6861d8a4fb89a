import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinProfiles, getProfile } from './builtins.ts';
import { detectProfile } from './detect.ts';

describe('builtin profiles', () => {
  test('names', () => {
    assert.deepEqual([...builtinProfiles.keys()], ['windows', 'winlogbeat', 'raw']);
    assert.equal(getProfile('auto'), undefined);
  });

  test('text key', () => {
    assert.equal(getProfile('windows')!.textKey, '#text');
    assert.equal(getProfile('winlogbeat')!.textKey, undefined);
  });
});

describe('detectProfile', () => {
  const cases: Array<{ name: string; event: Record<string, unknown>; expected: string }> = [
    { name: 'separate attributes', event: { Event_attributes: {}, Event: { System: { EventID: 1 } } }, expected: 'windows' },
    { name: '#attributes', event: { Event: { '#attributes': {}, System: { EventID: { '#text': 1 } } } }, expected: 'windows' },
    { name: 'winlogbeat', event: { '@timestamp': 't', winlog: { channel: 'Security' } }, expected: 'winlogbeat' },
    { name: 'plain JSON', event: { eventName: 'ConsoleLogin' }, expected: 'raw' },
    { name: 'Event without System', event: { Event: { other: 1 } }, expected: 'raw' },
    { name: 'winlog as text', event: { winlog: 'x' }, expected: 'raw' },
  ];
  for (const { name, event, expected } of cases) {
    test(name, () => {
      assert.equal(detectProfile(event).name, expected);
    });
  }
});

describe('winlogbeat fields', () => {
  const winlogbeat = getProfile('winlogbeat')!;
  // As Winlogbeat 8 ships a Sysmon process creation and a Security log clear.
  const sysmon = {
    '@timestamp': '2019-05-23T17:26:08.716Z',
    event: { code: '1', provider: 'Microsoft-Windows-Sysmon' },
    log: { level: 'information' },
    winlog: {
      channel: 'Microsoft-Windows-Sysmon/Operational',
      event_id: '1',
      provider_name: 'Microsoft-Windows-Sysmon',
      provider_guid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
      computer_name: 'IEWIN7',
      record_id: 1017,
      version: 5,
      task: 'Process Create (rule: ProcessCreate)',
      opcode: 'Info',
      process: { pid: 2032, thread: { id: 2092 } },
      user: { identifier: 'S-1-5-18', name: 'SYSTEM', domain: 'NT AUTHORITY', type: 'User' },
      event_data: { Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd.exe /c whoami', ProcessId: '3388' },
    },
  };
  const cleared = {
    winlog: {
      channel: 'Security',
      event_id: '1102',
      provider_name: 'Microsoft-Windows-Eventlog',
      user_data: { SubjectUserName: 'admmig', xml_name: 'LogFileCleared' },
    },
  };
  const classic = {
    winlog: {
      channel: 'Windows PowerShell',
      event_id: '400',
      event_data: { param1: 'Available', param2: 'None', param3: '\tNewEngineState=Available\n\tHostApplication=powershell.exe -nop\n\tEngineVersion=5.1' },
    },
  };
  const cases: Array<{ event: Record<string, unknown>; field: string; expected: unknown }> = [
    { event: sysmon, field: 'EventID', expected: '1' },
    { event: sysmon, field: 'Channel', expected: 'Microsoft-Windows-Sysmon/Operational' },
    { event: sysmon, field: 'Provider_Name', expected: 'Microsoft-Windows-Sysmon' },
    { event: sysmon, field: 'Provider_Guid', expected: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}' },
    { event: sysmon, field: 'Computer', expected: 'IEWIN7' },
    { event: sysmon, field: 'Security_UserID', expected: 'S-1-5-18' },
    { event: sysmon, field: 'EventRecordID', expected: 1017 },
    { event: sysmon, field: 'Version', expected: 5 },
    { event: sysmon, field: 'Level', expected: 'information' },
    { event: sysmon, field: 'Task', expected: 'Process Create (rule: ProcessCreate)' },
    { event: sysmon, field: 'Execution_ProcessID', expected: 2032 },
    { event: sysmon, field: 'Execution_ThreadID', expected: 2092 },
    { event: sysmon, field: 'TimeCreated_SystemTime', expected: '2019-05-23T17:26:08.716Z' },
    { event: sysmon, field: 'Image', expected: 'C:\\Windows\\System32\\cmd.exe' },
    { event: sysmon, field: 'CommandLine', expected: 'cmd.exe /c whoami' },
    { event: sysmon, field: 'ParentImage', expected: undefined },
    { event: cleared, field: 'SubjectUserName', expected: 'admmig' },
    { event: classic, field: 'Data', expected: ['Available', 'None', classic.winlog.event_data.param3] },
    { event: classic, field: 'HostApplication', expected: 'powershell.exe -nop' },
    { event: classic, field: 'EngineVersion', expected: '5.1' },
    { event: { event: { code: '4688' }, winlog: {} }, field: 'EventID', expected: '4688' },
  ];
  for (const { event, field, expected } of cases) {
    test(`${field} of ${String((event.winlog as { event_id?: string }).event_id)}`, () => {
      assert.deepEqual(winlogbeat.fieldAccessor(field)(event), expected);
    });
  }
});

describe('raw fields', () => {
  const raw = getProfile('raw')!;
  const event = {
    eventName: 'ConsoleLogin',
    'user.name': 'literal key wins',
    user: { name: 'nested', id: 7 },
    requestParameters: { items: [{ name: 'a' }, { name: 'b' }] },
    tags: ['x', 'y'],
  };
  const cases: Array<{ field: string; expected: unknown }> = [
    { field: 'eventName', expected: 'ConsoleLogin' },
    { field: 'user.name', expected: 'literal key wins' },
    { field: 'user.id', expected: 7 },
    { field: 'requestParameters.items.name', expected: ['a', 'b'] },
    { field: 'tags', expected: ['x', 'y'] },
    { field: 'missing.path', expected: undefined },
    { field: 'EventID', expected: undefined },
  ];
  for (const { field, expected } of cases) {
    test(field, () => {
      assert.deepEqual(raw.fieldAccessor(field)(event), expected);
    });
  }

  test('fieldPaths lists the literal key first', () => {
    assert.deepEqual(raw.fieldPaths('user.name'), [['user.name'], ['user', 'name']]);
  });
});
