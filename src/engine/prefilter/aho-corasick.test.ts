import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../../../test/support/random.ts';
import { LiteralAutomaton, type LiteralHits } from './aho-corasick.ts';

function found(literals: readonly string[], texts: readonly string[]): number[] {
  const automaton = new LiteralAutomaton(literals);
  const hits: LiteralHits = { seen: new Uint32Array(literals.length), stamp: 1, found: [] };
  for (const text of texts) automaton.scan(text, hits);
  return [...hits.found].sort((left, right) => left - right);
}

function present(literals: readonly string[], texts: readonly string[]): number[] {
  return literals.flatMap((literal, id) => (texts.some((text) => text.toLowerCase().includes(literal)) ? [id] : []));
}

describe('LiteralAutomaton', () => {
  test('finds overlapping literals', () => {
    const literals = ['he', 'she', 'his', 'hers', 'cmd.exe', '\\cmd.exe'];
    const texts = ['USHERS', 'c:\\windows\\CMD.EXE'];
    assert.deepEqual(found(literals, texts), [0, 1, 3, 4, 5]);
  });

  test('reports every literal that occurs in random texts', () => {
    const random = createRandom(5);
    const alphabet = ['a', 'B', 'c', '\\', '.', '\u00e9', '\u212a', 'k'];
    const word = (length: number): string => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const literals = [...new Set(Array.from({ length: 10 }, () => word(1 + Math.floor(random() * 6)).toLowerCase()))];
      const texts = Array.from({ length: 3 }, () => word(Math.floor(random() * 30)));
      const reported = found(literals, texts);
      // Non-ASCII characters share classes, so a literal with one may be reported without occurring.
      for (const id of present(literals, texts)) assert.ok(reported.includes(id), JSON.stringify({ literals, texts, id }));
      for (const id of reported) if (/^[\x00-\x7f]*$/.test(literals[id]!)) assert.ok(present(literals, texts).includes(id), JSON.stringify({ literals, texts, id }));
    }
  });
});
