import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RegexPattern } from '../sigma/model.ts';
import { parseSigmaRegex, patchRegexSource } from './regex.ts';

function patched(source: string): string {
  const pattern: RegexPattern = { kind: 'Regex', source, ignoreCase: false, multiline: false, dotAll: false };
  return patchRegexSource(parseSigmaRegex(pattern), { dotExcludingNewlines: '[^\\n\\r\\u2028\\u2029]', maxRepeat: 255 });
}

// Counts over the limit are split into nested repeats that match the same texts.
const REPEATS = ['.{1000,}', 'x[^\\\\]{1,256}$', '^a{600}$', '^a{0,600}?b', '^(?:ab|c.){300,700}$', '^a{255}$', '^a{3,}$'];

test('split repeats match the same texts', () => {
  for (const source of REPEATS) {
    const rewritten = patched(source);
    assert.doesNotMatch(rewritten, /\{(?:\d+,)?(?:[3-9]\d\d|2[6-9]\d|25[6-9]|\d{4,})\}/, `${source} → ${rewritten}`);
    const original = new RegExp(source);
    const split = new RegExp(rewritten);
    for (const length of [0, 1, 2, 3, 254, 255, 256, 299, 300, 301, 599, 600, 601, 700, 701, 999, 1000, 1001, 1400, 1401]) {
      for (const text of ['a'.repeat(length), 'x' + 'a'.repeat(length), 'a'.repeat(length) + 'b', 'ab'.repeat(length / 2) + 'cd', '\n'.repeat(length)]) {
        assert.equal(split.test(text), original.test(text), `${source} on ${length} characters`);
      }
    }
  }
});

test('repeats within the limit stay', () => {
  assert.equal(patched('a{3,255}b.'), 'a{3,255}b[^\\n\\r\\u2028\\u2029]');
});
