// Random valid JSON: the readers must give exactly what JSON.parse gives for the whole text.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, makeTempFolder, readAll, writeInput } from './helpers.ts';
import { createRandom } from '../../support/random.ts';


const PIECES = ['a', '\\', '\\\\', '"', '\\"', '{', '}', '[', ']', ',', ':', ' ', '\t', '\n', 'é', '😀', '\u2028', '0'];

function randomString(random: () => number): string {
  const length = Math.floor(random() * 12);
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

function randomValue(random: () => number, depth: number): unknown {
  const choice = Math.floor(random() * (depth > 3 ? 4 : 6));
  switch (choice) {
    case 0:
      return randomString(random);
    case 1:
      return Math.floor(random() * 2000) - 1000;
    case 2:
      return random() < 0.5 ? null : random() < 0.5;
    case 3:
      return random() * 100;
    case 4:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default:
      return randomObject(random, depth + 1);
  }
}

function randomObject(random: () => number, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const keys = Math.floor(random() * 5);
  for (let i = 0; i < keys; i++) object[randomString(random)] = randomValue(random, depth);
  return object;
}

describe('random valid JSON', () => {
  const folder = makeTempFolder();
  const layouts = ['lines', 'array', 'pretty-array', 'pretty-stream'] as const;

  for (const layout of layouts) {
    test(`${layout} matches JSON.parse`, async () => {
      const random = createRandom(layouts.indexOf(layout) + 1);
      for (let run = 0; run < 40; run++) {
        const events = Array.from({ length: 1 + Math.floor(random() * 30) }, () => randomObject(random, 0));
        let text: string;
        if (layout === 'lines') text = events.map((event) => JSON.stringify(event)).join('\n');
        else if (layout === 'array') text = JSON.stringify(events);
        else if (layout === 'pretty-array') text = JSON.stringify(events, null, 2);
        else text = events.map((event) => JSON.stringify(event, null, 1)).join('\n');

        const chunkBytes = run % 3 === 0 ? undefined : 1 + Math.floor(random() * 64);
        const path = writeInput(folder, `${layout}-${run % 2}.json`, text);
        const result = await readAll(path, chunkBytes === undefined ? {} : { chunkBytes });
        assert.deepEqual(codes(result), [], `run ${run}`);
        assert.deepEqual(result.events.map((entry) => entry.event), events, `run ${run}`);
        assert.deepEqual(result.events.map((entry) => entry.position.index), events.map((_, index) => index), `run ${run}`);
      }
    });
  }
});
