import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePath, resolvePath } from './path.ts';
import { PrefixReaders } from './prefix-reader.ts';

describe('PrefixReaders', () => {
  const paths = [['Event', 'EventData', 'Image'], ['Event', 'EventData', 'Data'], ['Event', 'UserData', '*', 'Image'], ['Event', 'EventData', 'Data', '#text'], ['Image'], ['Event', '*', 'Image']];
  const events: Array<Record<string, unknown>> = [
    { Event: { EventData: { Image: 'a.exe' } } },
    { Event: { EventData: [{ Image: 'b.exe' }, { Image: 'c.exe' }] } },
    { Event: [{ EventData: { Image: 'd.exe' } }, { EventData: { Image: 'e.exe' } }] },
    { Event: { EventData: 'text' } },
    { Event: { EventData: null } },
    { Event: { UserData: { LogFileCleared: { Image: 'f.exe' } } } },
    { Event: { EventData: { Data: [{ '#text': 'x' }, { '#text': 'y' }] } } },
    { Image: 'top.exe' },
    {},
  ];

  test('reads what resolvePath reads', () => {
    const readers = new PrefixReaders();
    const built = paths.map((keys) => ({ keys, read: readers.reader(keys), path: compilePath(keys) }));
    for (const event of events) {
      for (const { keys, read, path } of built) {
        assert.deepEqual(read(event), resolvePath(event, path), `${keys.join('.')} on ${JSON.stringify(event)}`);
      }
    }
  });

  test('reads each new event afresh', () => {
    const read = new PrefixReaders().reader(['Event', 'EventData', 'Image']);
    assert.equal(read({ Event: { EventData: { Image: 'one' } } }), 'one');
    assert.equal(read({ Event: { EventData: { Image: 'two' } } }), 'two');
  });
});
