// Every Binary XML token and value type, and hostile structures, on chunks built in memory.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeChunk, decodeChunkXml } from '../../../src/sources/evtx/index.ts';
import type { JsonShape } from '../../../src/sources/evtx/index.ts';
import type { SourceWarning } from '../../../src/sources/types.ts';
import { ChunkBuilder, le, utf16Bytes } from './chunk-builder.ts';
import type { Writer } from './chunk-builder.ts';

function decode(chunk: Uint8Array, shape: JsonShape = 'separate') {
  const warnings: SourceWarning[] = [];
  const records = decodeChunk(chunk, { chunkIndex: 3, fileOffset: 4096 + 3 * 65536, shape, onWarning: (w) => warnings.push(w) });
  return { records, warnings };
}

function decodeXml(chunk: Uint8Array): string[] {
  return decodeChunkXml(chunk, { chunkIndex: 0, fileOffset: 4096, onWarning: () => {} }).map((r) => r.event);
}

/** Builds a record whose template is `<Event><EventData><Data Name="V">%0</Data></EventData></Event>`. */
function oneValue(type: number, data: ArrayLike<number>, optional = false): Uint8Array {
  return new ChunkBuilder()
    .record(1, (w) => {
      w.fragmentHeader();
      w.templateInstance(
        (t) => {
          t.fragmentHeader().open('Event').closeStart().open('EventData').closeStart();
          t.open('Data', true).attribute('Name').text('V').closeStart().substitution(0, type, optional).end();
          t.end().end().endOfStream();
        },
        [{ type, data }],
      );
      w.endOfStream();
    })
    .finish();
}

function valueOf(type: number, data: ArrayLike<number>): unknown {
  const { records, warnings } = decode(oneValue(type, data));
  assert.deepEqual(warnings, []);
  return (records[0]!.event['Event'] as { EventData: { V: unknown } }).EventData.V;
}

const sid = [1, 2, 0, 0, 0, 0, 0, 5, ...le(4, 21), ...le(4, 1004)];
const guid = [0x72, 0xbb, 0x5a, 0x36, 0xb0, 0xd7, 0xe6, 0x5c, 0, 0, 0, 0x10, 0x77, 0xc5, 0x6d, 0];
const systemtime = [...le(2, 2019), ...le(2, 5), ...le(2, 4), ...le(2, 23), ...le(2, 17), ...le(2, 26), ...le(2, 8), ...le(2, 716)];

describe('value types', () => {
  const cases: [string, number, number[], unknown][] = [
    ['string cut at NUL', 0x01, utf16Bytes('ab\u0000c'), 'ab'],
    ['string keeps trailing spaces', 0x01, utf16Bytes('cmd.exe  '), 'cmd.exe  '],
    ['ANSI string', 0x02, [0x41, 0xe9, 0], 'Aé'],
    ['int8', 0x03, [0xff], -1],
    ['uint8', 0x04, [0xff], 255],
    ['int16', 0x05, le(2, 0xfffe), -2],
    ['uint16', 0x06, le(2, 65535), 65535],
    ['int32', 0x07, le(4, 0xffffffff), -1],
    ['uint32', 0x08, le(4, 4294967295), 4294967295],
    ['int64 small', 0x09, le(8, 2n ** 64n - 5n), -5],
    ['int64 beyond 2^53', 0x09, le(8, 2n ** 63n + 1n), -(2n ** 63n) + 1n],
    ['uint64 beyond 2^53', 0x0a, le(8, 2n ** 64n - 1n), 18446744073709551615n],
    ['uint64 safe', 0x0a, le(8, 9007199254740991n), 9007199254740991],
    ['real32', 0x0b, [0, 0, 0xc0, 0x3f], 1.5],
    ['real64', 0x0c, [0, 0, 0, 0, 0, 0, 0xf8, 0x3f], 1.5],
    ['bool', 0x0d, le(4, 1), true],
    ['binary', 0x0e, [0x0a, 0x1b, 0xff], '0A1BFF'],
    ['empty binary in Data', 0x0e, [], ''],
    ['GUID', 0x0f, guid, '365ABB72-D7B0-5CE6-0000-001077C56D00'],
    ['SizeT 32-bit', 0x10, le(4, 588), '0x24c'],
    ['SizeT 64-bit', 0x10, le(8, 0x1_0000_024cn), '0x10000024c'],
    ['FILETIME', 0x11, le(8, 132137089687168590n), '2019-09-23T10:42:48.716859Z'],
    ['SYSTEMTIME', 0x12, systemtime, '2019-05-23T17:26:08.716000Z'],
    ['SID', 0x13, sid, 'S-1-5-21-1004'],
    ['HexInt32', 0x14, le(4, 0xf347), '0xf347'],
    ['HexInt64', 0x15, le(8, 0x8020000000000000n), '0x8020000000000000'],
  ];
  for (const [name, type, data, expected] of cases) {
    test(name, () => assert.deepEqual(valueOf(type, data), expected));
  }

  test('string array repeats the element', () => {
    const { records } = decode(oneValue(0x81, utf16Bytes('a\u0000\u0000b\u0000')));
    assert.equal((records[0]!.event['Event'] as { EventData: { V: unknown } }).EventData.V, 'b');
  });

  test('unnamed Data gathers array items', () => {
    const chunk = new ChunkBuilder()
      .record(1, (w) => {
        w.fragmentHeader();
        w.templateInstance(
          (t) => t.fragmentHeader().open('Event').closeStart().open('EventData').closeStart().open('Data').closeStart().substitution(0, 0x86).end().end().end().endOfStream(),
          [{ type: 0x86, data: [...le(2, 1), ...le(2, 2), ...le(2, 3)] }],
        );
        w.endOfStream();
      })
      .finish();
    const event = decode(chunk).records[0]!.event['Event'] as { EventData: unknown };
    assert.deepEqual(event.EventData, { Data: { '#text': [1, 2, 3] } });
    assert.match(decodeXml(chunk)[0]!, /<Data>1<\/Data>\n\s*<Data>2<\/Data>\n\s*<Data>3<\/Data>/);
  });

  test('optional null substitution leaves the attribute out', () => {
    const chunk = new ChunkBuilder()
      .record(1, (w) => {
        w.fragmentHeader();
        w.templateInstance(
          (t) => t.fragmentHeader().open('Event').closeStart().open('EventID', true).attribute('Qualifiers').substitution(0, 0x06, true).closeStart().substitution(1, 0x06).end().end().endOfStream(),
          [
            { type: 0x00, data: [] },
            { type: 0x06, data: le(2, 4624) },
          ],
        );
        w.endOfStream();
      })
      .finish();
    assert.deepEqual(decode(chunk, 'attributes').records[0]!.event, { Event: { EventID: 4624 } });
    assert.match(decodeXml(chunk)[0]!, /<EventID>4624<\/EventID>/);
  });

  test('nested Binary XML value expands in place', () => {
    const chunk = new ChunkBuilder()
      .record(1, (w) => {
        w.fragmentHeader();
        w.templateInstance(
          (t) => t.fragmentHeader().open('Event').closeStart().open('UserData').closeStart().substitution(0, 0x21).end().end().endOfStream(),
          [
            {
              type: 0x21,
              data: (v) => {
                v.fragmentHeader().open('LogFileCleared', true).attribute('xmlns').text('urn:log').closeStart();
                v.leaf('SubjectUserName', 'admin').end().endOfStream();
              },
            },
          ],
        );
        w.endOfStream();
      })
      .finish();
    assert.deepEqual(decode(chunk).records[0]!.event, {
      Event: { UserData: { LogFileCleared_attributes: { xmlns: 'urn:log' }, LogFileCleared: { SubjectUserName: 'admin' } } },
    });
    assert.match(decodeXml(chunk)[0]!, /<UserData>\n\s*<LogFileCleared xmlns="urn:log">\n\s*<SubjectUserName>admin<\/SubjectUserName>/);
  });
});

describe('tokens', () => {
  function inlineRecord(body: (w: Writer) => void): Uint8Array {
    return new ChunkBuilder()
      .record(7, (w) => {
        w.fragmentHeader().open('Event', true).attribute('xmlns').text('urn:x').closeStart();
        body(w);
        w.end().endOfStream();
      })
      .finish();
  }

  test('character and entity references join the text', () => {
    const chunk = inlineRecord((w) => w.open('Text').closeStart().text('a').u8(0x48).u16(0x263a).u8(0x09).name('amp').text('b').end());
    assert.deepEqual(decode(chunk, 'attributes').records[0]!.event, { Event: { '#attributes': { xmlns: 'urn:x' }, Text: 'a\u263a&b' } });
    assert.match(decodeXml(chunk)[0]!, /<Text>a\u263a&amp;b<\/Text>/);
  });

  test('CDATA section and processing instruction', () => {
    const chunk = inlineRecord((w) => {
      w.u8(0x0a).name('xml-stylesheet').u8(0x0b).u16(4).utf16('a=b"');
      w.open('Script').closeStart().u8(0x07).u16(5).utf16('x<y&z').end();
    });
    assert.deepEqual(decode(chunk).records[0]!.event, { Event_attributes: { xmlns: 'urn:x' }, Event: { Script: 'x<y&z' } });
    const xml = decodeXml(chunk)[0]!;
    assert.match(xml, /<\?xml-stylesheet a=b"\?>/);
    assert.match(xml, /<Script>\n\s*<!\[CDATA\[x<y&z\]\]>\n\s*<\/Script>/);
  });

  test('repeated elements get suffixes', () => {
    const chunk = inlineRecord((w) => w.leaf('Item', 'a').leaf('Item', 'b').leaf('Item', 'c'));
    assert.deepEqual(decode(chunk).records[0]!.event['Event'], { Item: 'a', Item_1: 'b', Item_2: 'c' });
  });

  test('mixed content keeps its text under #text', () => {
    const chunk = inlineRecord((w) => w.open('Mixed').closeStart().text('t').leaf('Child', 'c').end());
    assert.deepEqual(decode(chunk).records[0]!.event['Event'], { Mixed: { Child: 'c', '#text': 't' } });
  });
});

describe('hostile input', () => {
  function single(body: (w: Writer) => void): { records: unknown[]; warnings: SourceWarning[] } {
    return decode(new ChunkBuilder().record(42, body).record(43, (w) => w.fragmentHeader().open('Event').closeEmpty().endOfStream()).finish());
  }

  function expectSkipped(result: { records: unknown[]; warnings: SourceWarning[] }, code: string, pattern: RegExp): void {
    assert.equal(result.records.length, 1, 'the intact record after the bad one is read');
    assert.equal(result.warnings.length, 1);
    const [warning] = result.warnings;
    assert.equal(warning!.code, code);
    assert.match(warning!.message, pattern);
    assert.equal(warning!.position.record, 42);
    assert.equal(warning!.position.chunk, 3);
    assert.equal(warning!.position.offset, 4096 + 3 * 65536 + 512);
  }

  test('template that contains itself', () => {
    const result = single((w) => {
      w.fragmentHeader();
      // The definition starts 10 bytes after the instance token; its body refers back to it.
      const definition = w.pos + 10;
      w.templateInstance((t) => {
        t.fragmentHeader().open('Event').closeStart();
        t.templateReference(definition, []);
        t.end().endOfStream();
      }, []);
      w.endOfStream();
    });
    expectSkipped(result, 'EVTX_TEMPLATE', /refers to itself/);
  });

  test('template outside the chunk', () => {
    expectSkipped(single((w) => w.fragmentHeader().templateReference(70000, []).endOfStream()), 'EVTX_TEMPLATE', /outside the chunk/);
  });

  test('huge substitution count', () => {
    const result = single((w) => {
      w.fragmentHeader();
      const definition = w.templateInstance((t) => t.fragmentHeader().open('Event').closeEmpty().endOfStream(), []);
      w.templateReference(definition, []);
      w.view.setUint32(w.pos - 4, 0xffffffff, true);
      w.endOfStream();
    });
    expectSkipped(result, 'EVTX_RECORD', /declares 4294967295 values/);
  });

  test('elements nested too deep', () => {
    const result = single((w) => {
      w.fragmentHeader();
      for (let i = 0; i < 300; i++) w.open('E').closeStart();
    });
    expectSkipped(result, 'EVTX_RECORD', /nested deeper than 128/);
  });

  test('exponential template expansion is capped', () => {
    // Template T uses its value 40 times; the value contains another instance of T, 8 levels deep.
    const result = single((w) => {
      w.fragmentHeader();
      const definition = w.templateInstance((t) => {
        t.fragmentHeader().open('Event').closeStart();
        for (let i = 0; i < 40; i++) t.open('A').closeStart().substitution(0, 0x21).end();
        t.end().endOfStream();
      }, [{ type: 0x00, data: [] }]);
      // Nest: each level is a Binary XML value holding a reference to T with one more level inside.
      const nest = (depth: number): number[] => {
        const inner = new ChunkBuilder().w;
        inner.pos = 0;
        inner.fragmentHeader();
        inner.u8(0x0c).u8(1).u32(0).u32(definition);
        const value = depth === 0 ? [] : nest(depth - 1);
        inner.u32(1).u16(value.length).u8(depth === 0 ? 0 : 0x21).u8(0).raw(value);
        inner.endOfStream();
        return [...inner.bytes.subarray(0, inner.pos)];
      };
      w.templateReference(definition, [{ type: 0x21, data: nest(8) }]);
      w.endOfStream();
    });
    expectSkipped(result, 'EVTX_RECORD', /expands to more than/);
  });

  test('large value used many times is capped', () => {
    // 1,000 uses of one 20,000-byte value would render 40 MB of hex text.
    const result = single((w) => {
      w.fragmentHeader();
      w.templateInstance((t) => {
        t.fragmentHeader().open('Event').closeStart();
        for (let i = 0; i < 1000; i++) t.open('A').closeStart().substitution(0, 0x0e).end();
        t.end().endOfStream();
      }, [{ type: 0x0e, data: new Array(20000).fill(0xab) }]);
      w.endOfStream();
    });
    expectSkipped(result, 'EVTX_RECORD', /expands to more than/);
  });

  test('invalid UTF-16 is replaced and reported', () => {
    const chunk = oneValue(0x01, [0x41, 0, 0x00, 0xd8, 0x42, 0]);
    const { records, warnings } = decode(chunk);
    assert.equal((records[0]!.event['Event'] as { EventData: { V: string } }).EventData.V, 'A\ufffdB');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.code, 'EVTX_STRING');
    assert.equal(warnings[0]!.position.record, 1);
  });

  test('value shorter than its type', () => {
    const { records, warnings } = decode(oneValue(0x11, [1, 2, 3]));
    assert.equal(records.length, 0);
    assert.equal(warnings[0]!.code, 'EVTX_RECORD');
    assert.match(warnings[0]!.message, /3 bytes, 8 expected/);
  });
});
