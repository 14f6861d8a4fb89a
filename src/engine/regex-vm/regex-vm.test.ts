import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LinearRegex } from './program.ts';

const flags = { ignoreCase: false, multiline: false, dotAll: false };

const patterns: Array<[string, Partial<typeof flags>?]> = [
  ['abc'],
  ['a.c'],
  ['a.c', { dotAll: true }],
  ['^ab'],
  ['ab$'],
  ['^b$', { multiline: true }],
  ['a|bc|d'],
  ['(ab)+c'],
  ['(?:ab)*c'],
  ['a{2,3}'],
  ['a{2}b'],
  ['a{2,}'],
  ['[a-c]+x'],
  ['[^a-c]+'],
  ['\\d{2,4}-\\w+'],
  ['\\s+\\S'],
  ['\\bword\\b'],
  ['\\Bor'],
  ['colou?r'],
  ['ABC', { ignoreCase: true }],
  ['[A-Z]+', { ignoreCase: true }],
  ['\\x41\\u0042'],
  ['[\\d.]+'],
  ['a[-]b'],
  ['\\.exe$'],
  ['(a|ab)(c|bcd)(d*)'],
  ['x*'],
  ['(a+)+$'],
  ['(\\w+\\s?)+$'],
  ['[\\]a]+'],
];

const inputs = ['abc', 'a\nc', 'xabx', 'bab', 'a\nb\nc', 'bcd', 'ababc', 'c', 'aaa', 'aab', 'abcx', 'ddd', '12-ab', '2024-x', '  x', 'a word here', 'sword', 'color', 'colour', 'abc', 'xyz', 'AB', 'a1.2.3', 'a-b', 'cmd.exe', 'abcd', '', 'aaaa!', 'hello world', ']]a', 'ABCDE'];

describe('linear regex agrees with RegExp', () => {
  for (const [source, extra] of patterns) {
    test(`/${source}/`, () => {
      const options = { ...flags, ...extra };
      const linear = new LinearRegex(source, options);
      const native = new RegExp(source, `${options.ignoreCase ? 'i' : ''}${options.multiline ? 'm' : ''}${options.dotAll ? 's' : ''}`);
      for (const input of inputs) assert.equal(linear.test(input), native.test(input), `input ${JSON.stringify(input)}`);
    });
  }
});

describe('linear regex on catastrophic patterns', () => {
  for (const source of ['(a+)+$', '(a|aa)+$', '(\\w+\\s?)+$', '(.*a){12}']) {
    test(`/${source}/ on a long non-matching text is fast`, () => {
      const text = `${'a'.repeat(20000)}!`;
      const started = performance.now();
      const linear = new LinearRegex(source, flags);
      linear.test(text);
      // Loose bound: a backtracking engine would not finish at all.
      assert.ok(performance.now() - started < 10_000);
    });
  }
});

test('unsupported constructs are rejected', () => {
  assert.throws(() => new LinearRegex('(?=a)b', flags));
  assert.throws(() => new LinearRegex('(a)\\1', flags));
});
