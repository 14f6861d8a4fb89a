import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventsText } from './parse-events.ts';

const cases: Array<{ name: string; text: string; labels: string[]; errors: RegExp[] }> = [
  { name: 'one object', text: '{"a": 1}', labels: ['pasted text'], errors: [] },
  { name: 'array of objects', text: '[{"a": 1}, 2, {"b": 2}]', labels: ['pasted text, item 1', 'pasted text, item 3'], errors: [/^pasted text, item 2: expected a JSON object$/] },
  { name: 'JSON lines', text: '{"a": 1}\n\n{"b": 2}\n', labels: ['pasted text, line 1', 'pasted text, line 3'], errors: [] },
  { name: 'bad line', text: '{"a": 1}\n{oops\n[1]', labels: ['pasted text, line 1'], errors: [/^pasted text, line 2: invalid JSON/, /^pasted text, line 3: expected a JSON object$/] },
  { name: 'scalar', text: '"text"', labels: [], errors: [/^pasted text: expected a JSON object or an array of objects$/] },
  { name: 'empty', text: '  \n ', labels: [], errors: [] },
];

for (const { name, text, labels, errors } of cases) {
  test(`parseEventsText ${name}`, () => {
    const parsed = parseEventsText(text);
    assert.deepEqual(parsed.events.map((event) => event.label), labels);
    assert.equal(parsed.errors.length, errors.length);
    errors.forEach((pattern, index) => assert.match(parsed.errors[index] ?? '', pattern));
  });
}
