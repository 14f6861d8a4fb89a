import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getProfile, type Profile } from '../../src/profiles/index.ts';
import { corpusPath, listFiles, missingCorpus, readConcatenatedJson, readJsonLines } from './corpus.ts';
import { toAttributesShape, toWinlogbeatShape } from './evtx-shapes.ts';

type Event = Record<string, unknown>;

const windows = getProfile('windows')!;
const winlogbeat = getProfile('winlogbeat')!;

/** Names that the Windows profile maps to System values, so an EventData or UserData key of that name is not reachable by it. */
const SYSTEM_NAMES = new Set(['EventID', 'Version', 'Level', 'Task', 'Opcode', 'Keywords', 'EventRecordID', 'Channel', 'Computer', 'Data']);

const POWERSHELL_CLASSIC_IDS = new Set([400, 403, 600, 800]);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Returns the named data of an event in the separate-attributes shape: EventData keys, or the keys of UserData's element. */
function namedData(event: Event): Record<string, unknown> {
  const root = event.Event as Record<string, unknown>;
  const named: Record<string, unknown> = {};
  const add = (data: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(data)) {
      if (!key.endsWith('_attributes') && !SYSTEM_NAMES.has(key) && !(key in named)) named[key] = value;
    }
  };
  if (isObject(root.EventData)) add(root.EventData);
  if (isObject(root.UserData)) {
    for (const [key, element] of Object.entries(root.UserData)) if (!key.endsWith('_attributes') && isObject(element)) add(element);
  }
  return named;
}

function system(event: Event): Record<string, unknown> {
  return (event.Event as { System: Record<string, unknown> }).System;
}

/** Checks the System fields and every named data value of one event and returns the mismatches. */
function checkEvent(profile: Profile, original: Event, shaped: Event, stringify: boolean): string[] {
  const problems: string[] = [];
  const sys = system(original);
  const expectSystem: Array<[string, unknown]> = [
    ['EventID', stringify ? String(sys.EventID) : sys.EventID],
    ['Channel', sys.Channel],
    ['Computer', sys.Computer],
    ['EventRecordID', sys.EventRecordID],
  ];
  const provider = sys.Provider_attributes as Record<string, unknown> | undefined;
  if (provider?.Name !== undefined) expectSystem.push(['Provider_Name', provider.Name]);
  const security = sys.Security_attributes as Record<string, unknown> | undefined;
  if (security?.UserID !== undefined) expectSystem.push(['Security_UserID', security.UserID]);
  for (const [field, expected] of expectSystem) {
    const actual = profile.fieldAccessor(field)(shaped);
    if (actual !== expected) problems.push(`${field}: ${String(actual)} instead of ${String(expected)}`);
  }
  for (const [field, value] of Object.entries(namedData(original))) {
    if (stringify && (value === null || value === '' || typeof value === 'object')) continue; // Winlogbeat drops empty values
    const expected = stringify ? String(value).replaceAll('\r\n', '\n') : value;
    const actual = profile.fieldAccessor(field)(shaped);
    if (typeof expected === 'object' ? JSON.stringify(actual) !== JSON.stringify(expected) : actual !== expected) {
      problems.push(`${field}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
    }
  }
  if (sys.Channel === 'Windows PowerShell' && POWERSHELL_CLASSIC_IDS.has(sys.EventID as number)) {
    const host = profile.fieldAccessor('HostName')(shaped);
    if (typeof host !== 'string' || host === '') problems.push(`HostName of PowerShell classic event: ${String(host)}`);
  }
  return problems;
}

describe('corpus events in the separate-attributes shape (evtx-json)', () => {
  const skip = missingCorpus('evtx-json');
  const files = skip === undefined ? listFiles(corpusPath('evtx-json'), '.jsonl') : [];

  const shapes: Array<{ name: string; profile: Profile; convert: (event: Event) => Event; stringify: boolean }> = [
    { name: 'windows, separate attributes', profile: windows, convert: (event) => event, stringify: false },
    { name: 'windows, converted to #attributes', profile: windows, convert: (event) => toAttributesShape(event) as Event, stringify: false },
    { name: 'winlogbeat, converted', profile: winlogbeat, convert: toWinlogbeatShape, stringify: true },
  ];
  for (const shape of shapes) {
    test(shape.name, { skip }, () => {
      let events = 0;
      let powershellClassic = 0;
      const problems: string[] = [];
      for (const file of files) {
        for (const event of readJsonLines(file)) {
          const sys = system(event);
          if (sys.Channel === undefined) continue; // the bogus records of parser-edge-cases have an empty System
          events++;
          if (sys.Channel === 'Windows PowerShell' && POWERSHELL_CLASSIC_IDS.has(sys.EventID as number)) powershellClassic++;
          for (const problem of checkEvent(shape.profile, event, shape.convert(event), shape.stringify)) {
            if (problems.length < 20) problems.push(`${file.slice(corpusPath().length)} record ${String(sys.EventRecordID)}: ${problem}`);
          }
        }
      }
      assert.ok(events > 10000, `expected the whole corpus, read ${events} events`);
      assert.ok(powershellClassic > 100, `expected PowerShell classic events, read ${powershellClassic}`);
      assert.deepEqual(problems, []);
    });
  }
});

describe('SigmaHQ regression events (#attributes shape)', () => {
  const skip = missingCorpus('sigma', 'regression_data');

  test('System and EventData fields resolve', { skip }, () => {
    let events = 0;
    const problems: string[] = [];
    for (const file of listFiles(corpusPath('sigma', 'regression_data'), '.json')) {
      for (const event of readConcatenatedJson(file)) {
        events++;
        const root = event.Event as Record<string, unknown>;
        const sys = root.System as Record<string, unknown>;
        const provider = (sys.Provider as { '#attributes': { Name: string } })['#attributes'].Name;
        const expected: Array<[string, unknown]> = [
          ['Channel', sys.Channel],
          ['Provider_Name', provider],
          ['EventRecordID', sys.EventRecordID],
        ];
        if (isObject(root.EventData)) {
          for (const [key, value] of Object.entries(root.EventData)) if (!SYSTEM_NAMES.has(key)) expected.push([key, value]);
        }
        for (const [field, value] of expected) {
          const actual = windows.fieldAccessor(field)(event);
          if (actual !== value) problems.push(`${file}: ${field} is ${String(actual)}, expected ${String(value)}`);
        }
        if (typeof windows.fieldAccessor('EventID')(event) !== 'number') problems.push(`${file}: EventID is not a number`);
      }
    }
    assert.ok(events > 200, `expected the regression events, read ${events}`);
    assert.deepEqual(problems.slice(0, 20), []);
  });
});
