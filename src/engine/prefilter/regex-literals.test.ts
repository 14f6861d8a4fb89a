import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredLiterals } from './regex-literals.ts';

describe('requiredLiterals', () => {
  const cases: Array<[source: string, expected: string[] | undefined]> = [
    ['whoami', ['whoami']],
    ['WhoAmI', ['whoami']],
    ['cmd.{0,5}/c\\s+whoami', ['whoami']],
    ['\\\\Temp\\\\', ['\\temp\\']],
    ['net\\s+user|net1\\s+user', ['user', 'net1']],
    ['net\\s+|net1\\s+', ['net', 'net1']],
    ['(?:mimikatz|rubeus)\\.exe', ['.exe']],
    ['(?:mimikatz|rubeus)', ['mimikatz', 'rubeus']],
    ['(?:mimikatz|)', undefined],
    ['(?:mimikatz)?', undefined],
    ['ab?c', ['a']],
    ['colou?r', ['colo']],
    ['a+bc', ['bc']],
    ['x{2,}yz', ['yz']],
    ['x{0,3}', undefined],
    ['[a-z]+\\d', undefined],
    ['.*', undefined],
    ['^$', undefined],
    ['(?=secret)abc', ['abc']],
    ['(?!abc)', undefined],
    ['(?<name>payload)', ['payload']],
    ['\\x41\\u0042c', ['abc']],
    ['caf\u00e9', ['caf']],
    ['\\bword\\b', ['word']],
    ['a{b', ['a{b']],
    ['a\\d{3}bcd', ['bcd']],
    ['(\\w)\\1abc', ['abc']],
    ['abcdefghijklmnopqrstuvwxyz', ['klmnopqrstuvwxyz']],
    ['(unbalanced', undefined],
    ['unbalanced)', undefined],
  ];
  for (const [source, expected] of cases) {
    test(`/${source}/`, () => assert.deepEqual(requiredLiterals(source), expected));
  }

  test('every match of each pattern contains one of its literals', () => {
    const samples: Array<[source: string, text: string]> = [
      ['cmd.{0,5}(?:/c|/r)(?:\\s|)\\"set\\s[a-zA-Z]{3,6}', 'CMD.EXE /C "SET abc'],
      ['\\.exe[\\"\\\']?\\s+[^\\"]{0,64}werfaultsecure\\.exe', 'x.EXE  c:\\WerFaultSecure.exe'],
      ['ipconfig\\s+/all|route\\s+print', 'ROUTE   PRINT'],
    ];
    for (const [source, text] of samples) {
      assert.ok(new RegExp(source, 'i').test(text), `sample must match /${source}/`);
      const literals = requiredLiterals(source);
      assert.ok(literals !== undefined && literals.some((literal) => text.toLowerCase().includes(literal)), `/${source}/ gave ${JSON.stringify(literals)}`);
    }
  });
});
