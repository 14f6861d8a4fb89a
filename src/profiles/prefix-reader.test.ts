import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePath, resolvePath } from './path.ts';
import { EventScope } from './event-scope.ts';
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
    const scope = new EventScope();
    const readers = new PrefixReaders(scope);
    const built = paths.map((keys) => ({ keys, read: readers.reader(keys), path: compilePath(keys) }));
    for (const event of events) {
      for (const inScope of [false, true]) {
        if (inScope) scope.begin(event);
        for (const { keys, read, path } of built) {
          assert.deepEqual(read(event), resolvePath(event, path), `${keys.join('.')} on ${JSON.stringify(event)}`);
        }
        scope.end();
      }
    }
  });

  test('reads a changed event afresh in the next scope', () => {
    const scope = new EventScope();
    const read = new PrefixReaders(scope).reader(['Event', 'EventData', 'Image']);
    const event: Record<string, any> = { Event: { EventData: { Image: 'one' } } };
    scope.begin(event);
    assert.equal(read(event), 'one');
    scope.end();
    event['Event'] = { EventData: { Image: 'two' } };
    assert.equal(read(event), 'two');
    scope.begin(event);
    assert.equal(read(event), 'two');
    scope.end();
  });
});
