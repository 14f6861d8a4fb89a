// Damaged copies of corpus samples, made at test time in a temporary folder: what is still
// read, and that every warning gives the place of the damage.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvtxFile } from '../../../src/sources/evtx-file.ts';
import { CHUNK_SIZE, FILE_HEADER_SIZE, createStats } from '../../../src/sources/evtx/index.ts';
import type { SourceEvent, SourceWarning } from '../../../src/sources/types.ts';
import { CORPUS, corpusFound, decodeBytes } from './corpus.ts';

const skip = corpusFound ? false : `corpus not found at ${CORPUS}`;
/** 636 records in 17 chunks. */
const SAMPLE = 'evtx/parser-edge-cases/Security_with_size_t.evtx';

async function readAll(path: string) {
  const warnings: SourceWarning[] = [];
  const stats = createStats();
  const events: SourceEvent[] = [];
  for await (const batch of readEvtxFile(path, { onWarning: (w) => warnings.push(w), stats, shape: 'separate' })) events.push(...batch);
  return { events, warnings, stats };
}

describe('damaged EVTX files', { skip }, () => {
  let dir = '';
  let original = new Uint8Array();
  let intact: SourceEvent[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sigil-evtx-'));
    original = new Uint8Array(readFileSync(CORPUS + SAMPLE));
    intact = (await readAll(CORPUS + SAMPLE)).events;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function damaged(name: string, change: (bytes: Uint8Array) => Uint8Array): string {
    const path = join(dir, name);
    writeFileSync(path, change(original.slice()));
    return path;
  }

  test('intact sample reads without warnings', async () => {
    const { events, warnings, stats } = await readAll(CORPUS + SAMPLE);
    assert.equal(events.length, 636);
    assert.deepEqual(warnings, []);
    assert.deepEqual(stats, { chunks: 6, skippedChunks: 0, records: 636, skippedRecords: 0 });
    assert.deepEqual(events[0]!.position, { file: CORPUS + SAMPLE, record: 1, chunk: 0, offset: 4608 });
  });

  test('zeroed chunk skips only its records', async () => {
    const path = damaged('zeroed.evtx', (bytes) => bytes.fill(0, FILE_HEADER_SIZE + CHUNK_SIZE, FILE_HEADER_SIZE + 2 * CHUNK_SIZE));
    const { events, warnings, stats } = await readAll(path);
    const lost = intact.filter((e) => e.position.chunk === 1).length;
    assert.equal(events.length, 636 - lost);
    assert.deepEqual(warnings.map((w) => [w.code, w.position.chunk, w.position.offset]), [['EVTX_CHUNK_HEADER', 1, FILE_HEADER_SIZE + CHUNK_SIZE]]);
    assert.equal(stats.skippedChunks, 1);
  });

  test('flipped header byte skips the chunk', async () => {
    const at = FILE_HEADER_SIZE + 2 * CHUNK_SIZE + 200;
    const path = damaged('header-flip.evtx', (bytes) => ((bytes[at] = bytes[at]! ^ 0xff), bytes));
    const { events, warnings } = await readAll(path);
    assert.equal(events.length, 636 - intact.filter((e) => e.position.chunk === 2).length);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.code, 'EVTX_CHUNK_CHECKSUM');
    assert.equal(warnings[0]!.position.chunk, 2);
  });

  test('flipped record size skips one record', async () => {
    const victim = intact[5]!;
    const path = damaged('size-flip.evtx', (bytes) => ((bytes[victim.position.offset! + 4] = bytes[victim.position.offset! + 4]! ^ 0x01), bytes));
    const { events, warnings, stats } = await readAll(path);
    assert.equal(events.length, 635);
    assert.ok(!events.some((e) => e.position.record === victim.position.record));
    const codes = warnings.map((w) => w.code);
    assert.deepEqual(codes, ['EVTX_CHUNK_CHECKSUM', 'EVTX_RECORD']);
    assert.equal(warnings[1]!.position.offset, victim.position.offset);
    assert.equal(stats.skippedRecords, 1);
  });

  test('flipped record signature skips one record', async () => {
    const victim = intact[10]!;
    const path = damaged('signature-flip.evtx', (bytes) => ((bytes[victim.position.offset!] = 0), bytes));
    const { events, warnings } = await readAll(path);
    assert.equal(events.length, 635);
    assert.match(warnings[1]!.message, /signature missing/);
    assert.equal(warnings[1]!.position.offset, victim.position.offset);
  });

  test('cut file keeps the complete records', async () => {
    const cut = FILE_HEADER_SIZE + 3 * CHUNK_SIZE + 20000;
    const path = damaged('cut.evtx', (bytes) => bytes.subarray(0, cut));
    const { events, warnings } = await readAll(path);
    const view = new DataView(original.buffer);
    const complete = intact.filter((e) => e.position.offset! + view.getUint32(e.position.offset! + 4, true) <= cut);
    assert.equal(events.length, complete.length);
    assert.equal(warnings[0]!.code, 'EVTX_TRUNCATED');
    assert.equal(warnings[0]!.position.chunk, 3);
    for (const event of events) assert.deepEqual(event.event, intact.find((e) => e.position.offset === event.position.offset)!.event);
  });

  test('file cut inside its header', async () => {
    const path = damaged('header-only.evtx', (bytes) => bytes.subarray(0, 1000));
    const { events, warnings } = await readAll(path);
    assert.equal(events.length, 0);
    assert.deepEqual(warnings.map((w) => w.code), ['EVTX_TRUNCATED']);
  });

  test('random damage never throws', () => {
    // Deterministic pseudo-random flips over one chunk; every run must finish and keep
    // reading records.
    let seed = 12345;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const chunk = original.slice(0, FILE_HEADER_SIZE + CHUNK_SIZE);
    for (let run = 0; run < 300; run++) {
      const bytes = chunk.slice();
      const flips = 1 + Math.floor(random() * 20);
      for (let i = 0; i < flips; i++) bytes[FILE_HEADER_SIZE + 512 + Math.floor(random() * (CHUNK_SIZE - 512))] = Math.floor(random() * 256);
      const result = decodeBytes(bytes, 'separate', false);
      assert.ok(result.records.length + result.stats.skippedRecords > 0);
      for (const warning of result.warnings) {
        assert.equal(warning.position.chunk, 0);
        assert.ok(warning.position.offset! >= FILE_HEADER_SIZE);
      }
    }
  });
});
