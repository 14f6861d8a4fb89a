import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RegexPattern } from '../sigma/index.ts';
import { createRandom } from '../../test/support/random.ts';
import { literalSequenceTester } from './regex-sequence.ts';

function pattern(source: string, flags: Partial<RegexPattern> = {}): RegexPattern {
  return { kind: 'Regex', source, ignoreCase: false, multiline: false, dotAll: false, ...flags };
}

describe('literalSequenceTester', () => {
  test('accepts literals joined by .*', () => {
    for (const source of ['\\+.*\\+', 'a.*b.*c', '.*ab.*cd.*', '`.*`.*`']) {
      assert.notEqual(literalSequenceTester(pattern(source)), undefined, source);
    }
  });

  test('declines other patterns', () => {
    for (const source of ['abc', 'a.+b', 'a.*?b', 'a.*b+', '[ab].*c', 'a.*\\d', 'a.*.*b', 'a|b.*c', '^a.*b']) {
      assert.equal(literalSequenceTester(pattern(source)), undefined, source);
    }
  });

  test('agrees with RegExp on random texts', () => {
    const random = createRandom(7);
    const alphabet = ['+', 'a', 'A', 'b', '\n', '\r', '\u2028', 'K', '\u212a', 'x'];
    const sources = ['\\+.*\\+.*\\+', 'a.*b', 'ab.*a.*\\+', 'k.*a'];
    for (const source of sources) {
      for (const flags of [{}, { ignoreCase: true }, { dotAll: true }, { ignoreCase: true, dotAll: true }]) {
        const tester = literalSequenceTester(pattern(source, flags))!;
        const regex = new RegExp(source, `${'ignoreCase' in flags ? 'i' : ''}${'dotAll' in flags ? 's' : ''}`);
        for (let round = 0; round < 400; round++) {
          const text = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
          assert.equal(tester(text), regex.test(text), `/${regex.source}/${regex.flags} on ${JSON.stringify(text)}`);
        }
      }
    }
  });
});
