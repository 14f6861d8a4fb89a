import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SigmaError } from './diagnostics.ts';
import { parseTimespan } from './correlation-timespan.ts';
import type { SourceSpan } from './span.ts';

const span: SourceSpan = { file: 'rule.yml', line: 7, column: 15, yamlPath: ['correlation', 'timespan'] };

describe('parseTimespan', () => {
  const valid: Array<[string, number]> = [
    ['30s', 30],
    ['5m', 300],
    ['90m', 5_400],
    ['1h', 3_600],
    ['2d', 172_800],
    ['1w', 604_800],
    ['1M', 2_629_746],
    ['1y', 31_556_952],
    ['007s', 7],
  ];
  for (const [text, seconds] of valid) {
    test(`reads ${text}`, () => assert.equal(parseTimespan(text, span), seconds));
  }

  // Column of the reported span: 15 is the first character of the text.
  const invalid: Array<[string, number, RegExp]> = [
    ['', 15, /empty/],
    ['m', 15, /must start with a number/],
    ['10', 17, /unit is missing/],
    ['10x', 17, /unknown unit 'x'/],
    ['10H', 17, /did you mean 'h'/],
    ['1h30m', 17, /unexpected '30m'/],
    ['5 m', 16, /unexpected ' ' after 5/],
    ['-5m', 15, /must start with a number/],
    ['0s', 15, /greater than zero/],
    ['99999999999999999y', 15, /too large/],
  ];
  for (const [text, column, message] of invalid) {
    test(`rejects '${text}'`, () => {
      assert.throws(() => parseTimespan(text, span), (error: unknown) => {
        assert.ok(error instanceof SigmaError);
        assert.equal(error.code, 'INVALID_TIMESPAN');
        assert.equal(error.span.line, 7);
        assert.equal(error.span.column, column);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});
