import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findKeyValue, findKeyValueIn } from './key-value.ts';

// The third Data item of a PowerShell classic 400 event, as Windows writes it.
const DETAILS =
  '\tNewEngineState=Available\r\n\tPreviousEngineState=None\r\n\r\n\tSequenceNumber=13\r\n\r\n' +
  '\tHostName=ConsoleHost\r\n\tHostVersion=5.1.17763.1\r\n\tHostApplication=powershell.exe -nop -c x=1\r\n' +
  '\tEngineVersion=\r\n\tCommandLine=';

describe('findKeyValue', () => {
  const cases: Array<{ key: string; expected: string | undefined }> = [
    { key: 'NewEngineState', expected: 'Available' },
    { key: 'HostName', expected: 'ConsoleHost' },
    { key: 'HostApplication', expected: 'powershell.exe -nop -c x=1' },
    { key: 'EngineVersion', expected: '' },
    { key: 'CommandLine', expected: '' },
    { key: 'Name', expected: undefined }, // only inside "HostName=", not at a line start
    { key: 'x', expected: undefined }, // only inside a value
    { key: 'Missing', expected: undefined },
  ];
  for (const { key, expected } of cases) {
    test(key, () => {
      assert.equal(findKeyValue(DETAILS, `${key}=`), expected);
    });
  }

  test('line ending with LF only', () => {
    assert.equal(findKeyValue('A=1\nB=2\n', 'B='), '2');
  });

  test('key at text start', () => {
    assert.equal(findKeyValue('A=1', 'A='), '1');
  });
});

describe('findKeyValueIn', () => {
  test('list of texts', () => {
    assert.equal(findKeyValueIn(['Available', 'None', DETAILS], 'HostName='), 'ConsoleHost');
  });

  test('non-text value', () => {
    assert.equal(findKeyValueIn(42, 'HostName='), undefined);
  });
});
