// Measures openInput on generated Sysmon-like events against the floor of splitting lines and
// calling JSON.parse. Each run is a fresh child process, and the modes take turns. The table
// gives the median wall time and the median CPU time of the runs. CPU time is the steadier
// figure when other processes share the machine.
//
//   node --import tsx bench/json-floor.ts [--mb 200] [--runs 3] [--modes floor,jsonl,array,gzip] [--dir DIR]
//
// `--dir` keeps the generated files in DIR and reuses them on the next run.
// Pin it to one core to compare with other single-core figures: `taskset -c 0 node ...`.

import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { openInput } from '../src/sources/open-input.ts';
import { createRandom } from '../test/support/random.ts';

type Mode = 'floor' | 'jsonl' | 'array' | 'gzip';
const MODES: readonly Mode[] = ['floor', 'jsonl', 'array', 'gzip'];


const IMAGES = [
  'C:\\Windows\\System32\\cmd.exe',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Windows\\System32\\rundll32.exe',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  'C:\\Windows\\explorer.exe',
];

/** Creates one Sysmon process-creation event (27 leaf fields, about 1.2 KB as JSON). */
function makeEvent(random: () => number, recordId: number): object {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const hex = (length: number): string => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const guid = (): string => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`.toUpperCase();
  const image = pick(IMAGES);
  const parent = pick(IMAGES);
  return {
    Event: {
      System: {
        Provider: { Name: 'Microsoft-Windows-Sysmon', Guid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}' },
        EventID: 1,
        Version: 5,
        Level: 4,
        Task: 1,
        Keywords: '0x8000000000000000',
        TimeCreated: { SystemTime: new Date(1_700_000_000_000 + recordId * 1000).toISOString() },
        EventRecordID: recordId,
        Execution: { ProcessID: 2000 + Math.floor(random() * 3000), ThreadID: Math.floor(random() * 9000) },
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Computer: `WORKSTATION-${Math.floor(random() * 500)}.corp.example.com`,
        Security: { UserID: 'S-1-5-18' },
      },
      EventData: {
        UtcTime: new Date(1_700_000_000_000 + recordId * 1000).toISOString().replace('T', ' ').slice(0, 23),
        ProcessGuid: `{${guid()}}`,
        ProcessId: Math.floor(random() * 65536),
        Image: image,
        CommandLine: `"${image}" /c echo ${hex(24)} ${'-arg '.repeat(1 + Math.floor(random() * 8))}`,
        CurrentDirectory: 'C:\\Users\\alice\\AppData\\Local\\Temp\\',
        User: 'CORP\\alice',
        LogonId: `0x${hex(6)}`,
        IntegrityLevel: pick(['Medium', 'High', 'System']),
        Hashes: `SHA1=${hex(40).toUpperCase()},MD5=${hex(32).toUpperCase()},SHA256=${hex(64).toUpperCase()}`,
        ParentProcessId: Math.floor(random() * 65536),
        ParentImage: parent,
        ParentCommandLine: `"${parent}" ${hex(12)}`,
      },
    },
  };
}

/** Writes about `megabytes` MB of events as JSON lines, and the same events as one JSON array. */
async function generate(folder: string, megabytes: number): Promise<{ jsonl: string; array: string; gzip: string }> {
  const jsonl = join(folder, 'events.jsonl');
  const array = join(folder, 'events.json');
  const gzip = join(folder, 'events.jsonl.gz');
  const random = createRandom(42);
  const lines = createWriteStream(jsonl);
  const items = createWriteStream(array);
  items.write('[\n');
  let written = 0;
  for (let recordId = 1; written < megabytes * 1e6; recordId++) {
    const text = JSON.stringify(makeEvent(random, recordId));
    written += text.length + 1;
    const linesReady = lines.write(`${text}\n`);
    const itemsReady = items.write(recordId === 1 ? text : `,\n${text}`);
    if (!linesReady) await new Promise<void>((resolve) => lines.once('drain', () => resolve()));
    if (!itemsReady) await new Promise<void>((resolve) => items.once('drain', () => resolve()));
  }
  items.write('\n]\n');
  await Promise.all([new Promise<void>((resolve) => lines.end(() => resolve())), new Promise<void>((resolve) => items.end(() => resolve()))]);
  await pipeline(createReadStream(jsonl), createGzip({ level: 1 }), createWriteStream(gzip));
  return { jsonl, array, gzip };
}

/** Reads, splits on newline bytes and JSON-parses each line: the floor. */
async function runFloor(path: string): Promise<number> {
  let events = 0;
  let carry: Buffer | undefined;
  for await (const data of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const chunk: Buffer = carry === undefined ? (data as Buffer) : Buffer.concat([carry, data as Buffer]);
    let start = 0;
    let newline = chunk.indexOf(10);
    while (newline !== -1) {
      if (newline > start) {
        JSON.parse(chunk.toString('utf8', start, newline));
        events++;
      }
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    carry = start < chunk.length ? chunk.subarray(start) : undefined;
  }
  if (carry !== undefined) {
    JSON.parse(carry.toString('utf8'));
    events++;
  }
  return events;
}

async function runReader(path: string): Promise<number> {
  let events = 0;
  let warnings = 0;
  for await (const batch of openInput(path, { onWarning: () => warnings++ })) events += batch.length;
  if (warnings > 0) throw new Error(`${warnings} warnings while reading ${path}`);
  return events;
}

/**
 * Prints one mode's median wall time and median CPU time (user plus system, all threads).
 * CPU time moves less than wall time when other processes share the machine.
 * MB/s is over the uncompressed JSON lines size for every mode.
 */
function printRow(mode: Mode, times: number[], cpuTimes: number[], events: number, bytes: number): void {
  const label = mode === 'floor' ? 'split + JSON.parse' : `openInput (${mode})`;
  const wall = median(times);
  const cpu = median(cpuTimes);
  const megabytesPerSecond = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(0).padStart(6);
  console.log(
    `${mode.padEnd(6)} ${label.padEnd(24)} ${wall.toFixed(0).padStart(7)} ${megabytesPerSecond(wall)} ` +
      `${Math.round(events / (wall / 1000)).toString().padStart(10)} ${cpu.toFixed(0).padStart(9)} ${megabytesPerSecond(cpu).padStart(9)}   ` +
      times.map((time) => time.toFixed(0)).join('/'),
  );
}

function inputFor(mode: Mode, files: { jsonl: string; array: string; gzip: string }): string {
  if (mode === 'array') return files.array;
  if (mode === 'gzip') return files.gzip;
  return files.jsonl;
}

/** Child process: times one mode once and prints `wallMilliseconds cpuMilliseconds events` on stdout. */
async function child(mode: Mode, path: string): Promise<void> {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const events = mode === 'floor' ? await runFloor(path) : await runReader(path);
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuStarted);
  process.stdout.write(`${milliseconds} ${(cpu.user + cpu.system) / 1000} ${events}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await child(process.argv[3] as Mode, process.argv[4]!);
    return;
  }
  const megabytes = Number(option('mb', '200'));
  const runs = Number(option('runs', '3'));
  const modes = option('modes', MODES.join(',')).split(',') as Mode[];
  const keep = option('dir', '');
  const folder = keep === '' ? mkdtempSync(join(tmpdir(), 'sigil-json-floor-')) : keep;
  mkdirSync(folder, { recursive: true });
  try {
    const started = Date.now();
    const files = keep !== '' && existsSync(join(keep, 'events.jsonl.gz'))
      ? { jsonl: join(keep, 'events.jsonl'), array: join(keep, 'events.json'), gzip: join(keep, 'events.jsonl.gz') }
      : await generate(folder, megabytes);
    const jsonlBytes = statSync(files.jsonl).size;
    console.log(`generated ${(jsonlBytes / 1e6).toFixed(1)} MB of JSON lines in ${Date.now() - started} ms (${folder})`);
    console.log('mode   input                    wall ms   MB/s   events/s    CPU ms  MB/CPU-s   wall runs (ms)');
    const self = fileURLToPath(import.meta.url);
    const times = new Map<Mode, number[]>(modes.map((mode) => [mode, []]));
    const cpuTimes = new Map<Mode, number[]>(modes.map((mode) => [mode, []]));
    const events = new Map<Mode, number>();
    // The modes take turns within each round, so a change in machine load hits them alike.
    for (let run = 0; run < runs; run++) {
      for (const mode of modes) {
        const result = spawnSync(process.execPath, [...process.execArgv, self, '--child', mode, inputFor(mode, files)], { encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`${mode} run failed: ${result.stderr}`);
        const [milliseconds, cpuMilliseconds, count] = result.stdout.trim().split(' ').map(Number);
        times.get(mode)!.push(milliseconds!);
        cpuTimes.get(mode)!.push(cpuMilliseconds!);
        events.set(mode, count!);
      }
    }
    for (const mode of modes) printRow(mode, times.get(mode)!, cpuTimes.get(mode)!, events.get(mode)!, jsonlBytes);
  } finally {
    if (keep === '') rmSync(folder, { recursive: true, force: true });
  }
}

await main();
