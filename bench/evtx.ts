// `npm run bench:evtx [-- --runs N] [-- DIR]`: EVTX decoding throughput over the shared corpus
// (or DIR), beside the floor (reading the same bytes) and beside `evtxexport` from libevtx
// when it is installed. Prints MB/s of file bytes and records/s, best of N runs.
import { spawnSync } from 'node:child_process';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHUNK_SIZE, FILE_HEADER_SIZE, decodeChunk, decodeChunkXml, isEmptyChunk } from '../src/sources/evtx/index.ts';
import { readEvtxFile } from '../src/sources/evtx-file.ts';

interface Measure {
  name: string;
  run: () => Promise<number>;
}

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const dir = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--runs') ?? fileURLToPath(new URL('../../shared/corpus/evtx/', import.meta.url));

const files = await findEvtx(dir);
const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
const totalBytes = sizes.reduce((a, b) => a + b, 0);
const contents = await Promise.all(files.map(async (file) => new Uint8Array(await readFile(file))));
const usedBytes = contents.reduce((sum, bytes) => sum + usedChunkBytes(bytes), 0);
const ignore = (): void => {};

const measures: Measure[] = [
  { name: 'floor: read the files in 1 MiB blocks', run: readOnly },
  { name: 'readEvtxFile → JSON objects (#attributes)', run: () => readJson('attributes') },
  { name: 'readEvtxFile → JSON objects (_attributes)', run: () => readJson('separate') },
  { name: 'decodeChunk from memory → JSON objects', run: decodeInMemory },
  { name: 'decodeChunkXml from memory → XML text', run: decodeXmlInMemory },
];
const evtxexport = spawnSync('evtxexport', ['-h'], { encoding: 'utf8' });
if (!evtxexport.error) measures.push({ name: 'evtxexport -f xml (libevtx, one process per file)', run: runEvtxexport });

console.log(`EVTX benchmark: ${files.length} files, ${(totalBytes / 1e6).toFixed(1)} MB (${(usedBytes / 1e6).toFixed(1)} MB in used chunks), ${dir}`);
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; one thread; best of ${runs} runs (CPU time)`);
if (evtxexport.error) console.log('evtxexport not installed (apt-get install libevtx-utils to compare)');
console.log('');
for (const measure of measures) {
  let best = Infinity;
  let records = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    const wallStart = performance.now();
    records = await measure.run();
    const used = process.cpuUsage(start);
    const cpuSeconds = measure.run === runEvtxexport ? (performance.now() - wallStart) / 1000 : (used.user + used.system) / 1e6;
    best = Math.min(best, cpuSeconds);
  }
  const perSecond = records > 0 ? `${Math.round(records / best).toLocaleString('en-US').padStart(9)} records/s` : '';
  const dense = records > 0 ? ` (${(usedBytes / 1e6 / best).toFixed(0)} MB/s of used chunks)` : '';
  console.log(`${measure.name.padEnd(52)} ${(totalBytes / 1e6 / best).toFixed(0).padStart(6)} MB/s ${perSecond}${dense}`);
}
if (!evtxexport.error) console.log('\nevtxexport time is wall time including process start; the other rows are CPU time.');

async function findEvtx(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) found.push(...(await findEvtx(path)));
    else if (entry.name.endsWith('.evtx')) found.push(path);
  }
  return found.sort();
}

function usedChunkBytes(bytes: Uint8Array): number {
  let used = 0;
  for (let at = FILE_HEADER_SIZE; at < bytes.length; at += CHUNK_SIZE) {
    if (!isEmptyChunk(bytes.subarray(at, at + CHUNK_SIZE))) used += Math.min(CHUNK_SIZE, bytes.length - at);
  }
  return used;
}

/** Reads every file the way readEvtxFile does (the header, then 1 MiB blocks) and does nothing else. */
async function readOnly(): Promise<number> {
  const buffer = new Uint8Array(16 * CHUNK_SIZE);
  for (const file of files) {
    const handle = await open(file, 'r');
    await handle.read(buffer, 0, FILE_HEADER_SIZE, 0);
    for (let position = FILE_HEADER_SIZE; ; position += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead < buffer.length) break;
    }
    await handle.close();
  }
  return 0;
}

async function readJson(shape: 'attributes' | 'separate'): Promise<number> {
  let records = 0;
  for (const file of files) {
    for await (const batch of readEvtxFile(file, { onWarning: ignore, shape })) records += batch.length;
  }
  return records;
}

async function decodeInMemory(): Promise<number> {
  let records = 0;
  for (const bytes of contents) {
    for (let chunkIndex = 0, at = FILE_HEADER_SIZE; at < bytes.length; chunkIndex++, at += CHUNK_SIZE) {
      const chunk = bytes.subarray(at, at + CHUNK_SIZE);
      if (isEmptyChunk(chunk)) continue;
      records += decodeChunk(chunk, { chunkIndex, fileOffset: at, shape: 'attributes', onWarning: ignore }).length;
    }
  }
  return records;
}

async function decodeXmlInMemory(): Promise<number> {
  let records = 0;
  for (const bytes of contents) {
    for (let chunkIndex = 0, at = FILE_HEADER_SIZE; at < bytes.length; chunkIndex++, at += CHUNK_SIZE) {
      const chunk = bytes.subarray(at, at + CHUNK_SIZE);
      if (isEmptyChunk(chunk)) continue;
      records += decodeChunkXml(chunk, { chunkIndex, fileOffset: at, onWarning: ignore }).length;
    }
  }
  return records;
}

async function runEvtxexport(): Promise<number> {
  let records = 0;
  for (const file of files) {
    const result = spawnSync('evtxexport', ['-f', 'xml', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    records += (result.stdout.match(/^<Event /gm) ?? []).length;
  }
  return records;
}
