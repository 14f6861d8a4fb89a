import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspectParsed, ParseFailure, parseEventText, parseExactNumber, parseJsonExact } from './parse-event.ts';

const nested = (depth: number): string => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

describe('parseExactNumber', () => {
  const cases: Array<[string, number | bigint]> = [
    ['0', 0],
    ['-12', -12],
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', 9007199254740992n],
    ['-9007199254740993', -9007199254740993n],
    ['18446744073709551615', 18446744073709551615n],
    ['1.5', 1.5],
    ['1e3', 1000],
    ['123456789012345678901.5', 123456789012345678901.5],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.equal(parseExactNumber(text), expected));
  }
});

describe('parseEventText', () => {
  test('plain event', () => {
    assert.deepEqual(parseEventText('{"EventID":1,"Image":"C:\\\\cmd.exe"}', 256), { EventID: 1, Image: 'C:\\cmd.exe' });
  });

  test('64-bit integers become bigint', () => {
    const event = parseEventText('{"a":18446744073709551615,"b":[-9223372036854775808],"c":{"d":12,"e":"18446744073709551615"}}', 256);
    assert.deepEqual(event, { a: 18446744073709551615n, b: [-9223372036854775808n], c: { d: 12, e: '18446744073709551615' } });
  });

  test('long digit runs in strings stay on the fast path', () => {
    const event = parseEventText('{"Keywords":"0x8000000000000000","n":1234567890123456}', 256);
    assert.deepEqual(event, { Keywords: '0x8000000000000000', n: 1234567890123456 });
  });

  test('exact parse keeps the last duplicate key and __proto__ as data', () => {
    const event = parseEventText('{"a":1,"a":2,"__proto__":{"x":1},"big":9007199254740993}', 256);
    assert.ok(!(event instanceof ParseFailure));
    assert.equal(event['a'], 2);
    assert.equal(event['big'], 9007199254740993n);
    assert.equal(Object.getPrototypeOf(event), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(event, '__proto__')?.value, { x: 1 });
  });

  const failures: Array<{ name: string; text: string; code: string }> = [
    { name: 'invalid JSON', text: '{"a":', code: 'INVALID_JSON' },
    { name: 'a number', text: '42', code: 'NOT_AN_OBJECT' },
    { name: 'an array', text: '[{"a":1}]', code: 'NOT_AN_OBJECT' },
    { name: 'null', text: 'null', code: 'NOT_AN_OBJECT' },
    { name: 'nesting one level too deep', text: nested(257), code: 'NESTING_TOO_DEEP' },
    { name: 'deep arrays', text: `{"a":${'['.repeat(300)}${']'.repeat(300)}}`, code: 'NESTING_TOO_DEEP' },
  ];
  for (const { name, text, code } of failures) {
    test(name, () => {
      const result = parseEventText(text, 256);
      assert.ok(result instanceof ParseFailure);
      assert.equal(result.code, code);
    });
  }

  test('nesting at the limit is accepted', () => {
    assert.ok(!(parseEventText(nested(256), 256) instanceof ParseFailure));
  });
});

describe('inspectParsed', () => {
  test('reports depth before unsafe numbers', () => {
    assert.equal(inspectParsed({ a: { b: 2 ** 60 } }, 1), 'too-deep');
    assert.equal(inspectParsed({ a: { b: 2 ** 60 } }, 2), 'unsafe-number');
    assert.equal(inspectParsed({ a: [1, -(2 ** 60)] }, 2), 'unsafe-number');
    assert.equal(inspectParsed({ a: [1, 2.5, null, 'x'] }, 2), 'plain');
  });

  test('parseJsonExact matches JSON.parse on safe input', () => {
    const text = '{"a":[1,2.5,"x",null,true],"b":{"c":-3e2}}';
    assert.deepEqual(parseJsonExact(text), JSON.parse(text));
  });
});
