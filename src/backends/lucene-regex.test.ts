import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LuceneRegexError, toLuceneRegex } from './lucene-regex.ts';
import { parseSigmaRegex } from './regex.ts';

const regex = (source: string, ignoreCase = false) => ({ kind: 'Regex' as const, source, ignoreCase, multiline: false, dotAll: false });

// Lucene regexes are anchored at both ends and read `\x` as the literal x, so a JavaScript
// RegExp built from the output with `^...$` and the `s` flag has the same meaning.
function luceneAsJs(source: string): RegExp {
  return new RegExp(`^(?:${source.replace(/\\(.)/gs, (_, char: string) => `\\u{${char.codePointAt(0)!.toString(16)}}`)})$`, 'su');
}

const CASES: Array<[string, boolean, string[]]> = [
  ['abc', false, ['abc', 'xxabcxx', 'ABC', 'ab']],
  ['^abc', false, ['abcd', 'xabc']],
  ['abc$', false, ['xabc', 'abcx']],
  ['a.c', false, ['abc', 'a\nc', 'xa-cx']],
  ['\\d{2,3}-\\w+', false, ['12-ab', '1-ab', 'x123-_']],
  ['[a-c]x|^q', true, ['Bx', 'QQ', 'dx', 'zq']],
  ['\\s-e(nc)?\\s', true, [' -E ', ' -enc ', '-enc ']],
];

test('lucene regex matches what the sigma regex finds', () => {
  for (const [source, ignoreCase, inputs] of CASES) {
    const lucene = luceneAsJs(toLuceneRegex(parseSigmaRegex(regex(source, ignoreCase))));
    const sigma = new RegExp(source, ignoreCase ? 'i' : '');
    for (const input of inputs) assert.equal(lucene.test(input), sigma.test(input), `${source} on ${JSON.stringify(input)}`);
  }
});

test('lucene regex rejects lookaround and word boundaries', () => {
  for (const source of ['a(?=b)', '(?<!a)b', '\\bword\\b', '(a)\\1']) {
    assert.throws(() => toLuceneRegex(parseSigmaRegex(regex(source))), LuceneRegexError, source);
  }
});
