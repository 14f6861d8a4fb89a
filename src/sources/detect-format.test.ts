import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat, isHeadConclusive, type InputFormat } from './detect-format.ts';

const cases: Array<{ name: string; head: string | number[]; format: InputFormat }> = [
  { name: 'EVTX signature', head: [...Buffer.from('ElfFile\0'), 0, 0, 0], format: 'evtx' },
  { name: 'gzip magic', head: [0x1f, 0x8b, 0x08, 0x00], format: 'gzip' },
  { name: 'UTF-16LE byte order mark', head: [0xff, 0xfe, 0x7b, 0x00], format: 'utf16' },
  { name: 'UTF-16BE byte order mark', head: [0xfe, 0xff, 0x00, 0x7b], format: 'utf16' },
  { name: 'UTF-16LE without a byte order mark', head: [0x5b, 0x00, 0x7b, 0x00], format: 'utf16' },
  { name: 'UTF-16BE without a byte order mark', head: [0x00, 0x7b, 0x00, 0x22], format: 'utf16' },
  { name: 'empty input', head: '', format: 'empty' },
  { name: 'whitespace only', head: ' \r\n\t\n', format: 'empty' },
  { name: 'JSON lines', head: '{"a":1}\n{"a":2}\n', format: 'json-lines' },
  { name: 'JSON lines with CRLF', head: '{"a":1}\r\n', format: 'json-lines' },
  { name: 'JSON lines after a BOM and blank lines', head: '\ufeff\n\n  {"a":"}{"}\n', format: 'json-lines' },
  { name: 'one line longer than the head', head: '{"a":"xxxxxxxx', format: 'json-lines' },
  { name: 'braces and escapes in strings', head: '{"a":"\\"{","b":"}"}\n', format: 'json-lines' },
  { name: 'JSON array', head: '  [{"a":1}]', format: 'json-array' },
  { name: 'pretty-printed object', head: '{\n  "a": 1\n}\n', format: 'json-stream' },
  { name: 'object open across lines', head: '{"a": {\n"b": 1}}', format: 'json-stream' },
  { name: 'concatenated objects on one line', head: '{"a":1}{"a":2}\n', format: 'json-stream' },
  { name: 'one-line object before a pretty one', head: '{}\n{\n "a": 1\n}\n', format: 'json-stream' },
  { name: 'JSON lines with a bad line', head: '{"a":1}\nnot json\n{"a":2}\n', format: 'json-lines' },
  { name: 'plain text', head: '# Notes\n', format: 'unknown' },
  { name: 'a number', head: '42\n', format: 'unknown' },
  { name: 'XML', head: '<Events>', format: 'unknown' },
];

describe('detectFormat', () => {
  for (const { name, head, format } of cases) {
    test(name, () => {
      const bytes = typeof head === 'string' ? Buffer.from(head, 'utf8') : Uint8Array.from(head);
      assert.equal(detectFormat(bytes), format);
    });
  }
});

describe('isHeadConclusive', () => {
  const heads: Array<[string, string | number[], boolean]> = [
    ['short head', '{"a"', false],
    ['first line complete', '{"a":1}\n', true],
    ['line break before any text', '\n\n   ', false],
    ['gzip magic', [0x1f, 0x8b, 8, 0, 0, 0, 0, 0], true],
    ['EVTX signature', [...Buffer.from('ElfFile\0')], true],
    ['one long line so far', `{"a":"${'x'.repeat(100)}`, false],
  ];
  for (const [name, head, expected] of heads) {
    test(name, () => {
      const bytes = typeof head === 'string' ? Buffer.from(head, 'utf8') : Uint8Array.from(head);
      assert.equal(isHeadConclusive(bytes), expected);
    });
  }
});
