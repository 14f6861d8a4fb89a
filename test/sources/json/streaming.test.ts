// 200k events stream through with flat memory, in each reader.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { openInput } from '../../../src/sources/open-input.ts';
import { makeTempFolder } from './helpers.ts';

const EVENTS = 200_000;
const folder = makeTempFolder();

function makeEvent(n: number): object {
  return {
    Event: {
      System: { EventID: 1, EventRecordID: n, Channel: 'Microsoft-Windows-Sysmon/Operational', Computer: `host-${n % 97}` },
      EventData: { Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: `cmd.exe /c echo ${n} ${'x'.repeat(n % 64)}`, ProcessId: n },
    },
  };
}

/** Writes the events in the given layout without holding the whole file in memory. */
async function writeEvents(name: string, layout: 'lines' | 'array' | 'pretty', gzip: boolean): Promise<string> {
  const path = join(folder, name);
  function* pieces(): Generator<string> {
    if (layout === 'array') yield '[\n';
    for (let n = 0; n < EVENTS; n++) {
      const event = makeEvent(n);
      const text = layout === 'pretty' ? JSON.stringify(event, null, 2) : JSON.stringify(event);
      yield layout === 'array' && n > 0 ? `,\n${text}` : `${text}\n`;
    }
    if (layout === 'array') yield '\n]\n';
  }
  if (gzip) await pipeline(Readable.from(pieces()), createGzip({ level: 1 }), createWriteStream(path));
  else await pipeline(Readable.from(pieces()), createWriteStream(path));
  return path;
}

describe('streaming', () => {
  const layouts: Array<['lines' | 'array' | 'pretty', boolean]> = [['lines', false], ['array', false], ['pretty', true]];
  for (const [layout, gzip] of layouts) {
    test(`${EVENTS} events as ${layout}${gzip ? ', gzip' : ''} with flat memory`, { timeout: 120_000 }, async () => {
      const path = await writeEvents(`events-${layout}${gzip ? '.gz' : ''}`, layout, gzip);
      const baseline = process.memoryUsage().heapUsed;
      let peak = 0;
      let count = 0;
      let warnings = 0;
      for await (const batch of openInput(path, { onWarning: () => warnings++ })) {
        for (const { event, position } of batch) {
          const record = (event['Event'] as { System: { EventRecordID: number } }).System.EventRecordID;
          if (record !== count || position.index !== count) assert.fail(`event ${count} came as record ${record}, index ${position.index}`);
          count++;
        }
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
      assert.equal(warnings, 0);
      assert.equal(count, EVENTS);
      // Reading everything into memory would take well over 100 MB of heap for these events.
      assert.ok(peak < 64 * 1024 * 1024, `heap grew by ${Math.round(peak / 1024 / 1024)} MB`);
    });
  }
});
