// `npm run bench [-- --events N] [-- --runs R] [-- --dir DIR] [-- --formats jsonl,evtx]
// [-- --node-flags FLAGS]`: the whole SigmaHQ Windows rule
// set over the corpus events repeated to at least N events (default one million), as JSON
// lines and as EVTX. Every measurement runs in a fresh child process pinned with taskset: one
// core, then all cores. Prints events/s and MB/s, the floor (reading and parsing the same
// input without rules), the ratio of the hunt to the floor, peak memory, CPU time of the
// all-core run, the load average at each run, and rule load (cold and warm cache) and compile.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

interface Result {
  events: number;
  bytes: number;
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  detections?: number;
  loadMs?: number;
  compileMs?: number;
  /** One-minute load average when the child started. */
  loadAverage: number;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function walk(folder: string, suffix: string, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path, suffix, found);
    else if (entry.name.endsWith(suffix)) found.push(path);
  }
  return found;
}

/** The Windows rule folders of every SigmaHQ rule collection in the corpus. */
export function windowsRuleFolders(): string[] {
  const sigma = join(CORPUS, 'sigma');
  return readdirSync(sigma)
    .filter((name) => name.startsWith('rules'))
    .map((name) => join(sigma, name, 'windows'))
    .filter((path) => existsSync(path));
}

/** Links the corpus files `repeat` times into `folder`; returns the links in order. */
function repeatFiles(files: readonly string[], repeat: number, folder: string): string[] {
  const links: string[] = [];
  for (let round = 0; round < repeat; round++) {
    const roundFolder = join(folder, String(round).padStart(4, '0'));
    mkdirSync(roundFolder, { recursive: true });
    files.forEach((file, index) => {
      const link = join(roundFolder, `${String(index).padStart(4, '0')}${file.slice(file.lastIndexOf('.'))}`);
      if (!existsSync(link)) symlinkSync(file, link);
      links.push(link);
    });
  }
  return links;
}

/** CPU milliseconds (user + system) of this process so far. */
function cpuNow(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/**
 * Measures rule loading in a fresh process: with an empty parsed-rule cache (cold), again
 * with the cache it filled (warm), then the compile for the windows profile. CPU time.
 */
async function ruleChild(): Promise<void> {
  const { loadRuleFiles } = await import('../src/cli/rule-files.ts');
  const { RuleSet } = await import('../src/engine/index.ts');
  const { getProfile } = await import('../src/profiles/index.ts');
  const cacheHome = mkdtempSync(join(tmpdir(), 'sigil-bench-cache-'));
  process.env['XDG_CACHE_HOME'] = cacheHome;
  try {
    let started = cpuNow();
    await loadRuleFiles(windowsRuleFolders(), { cache: true });
    const coldMs = cpuNow() - started;
    started = cpuNow();
    const { collection } = await loadRuleFiles(windowsRuleFolders(), { cache: true });
    const warmMs = cpuNow() - started;
    started = cpuNow();
    new RuleSet(collection.rules, getProfile('windows')!);
    const compileMs = cpuNow() - started;
    process.stdout.write(`${JSON.stringify({ rules: collection.rules.length, coldMs, warmMs, compileMs, loadAverage: loadavg()[0]! })}\n`);
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

async function child(mode: string, listFile: string, threads: number): Promise<void> {
  const files = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const result: Result = { events: 0, bytes, wallMs: 0, cpuMs: 0, maxRssMb: 0, loadAverage: loadavg()[0]! };
  let load = 0;
  let rules: import('../src/sigma/index.ts').SigmaRule[] = [];
  if (mode === 'hunt') {
    const { loadRuleFiles } = await import('../src/cli/rule-files.ts');
    const started = performance.now();
    rules = (await loadRuleFiles(windowsRuleFolders(), { cache: true })).collection.rules;
    load = performance.now() - started;
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (mode === 'floor') {
    const { openInput } = await import('../src/sources/index.ts');
    for (const file of files) for await (const batch of openInput(file)) result.events += batch.length;
  } else if (threads === 1) {
    const { Hunter } = await import('../src/hunt/index.ts');
    const { getProfile } = await import('../src/profiles/index.ts');
    let detections = 0;
    const hunter = new Hunter({ rules, profile: getProfile('windows')!, onDetection: () => detections++ });
    const compileStart = performance.now();
    hunter.stateFor(getProfile('windows')!);
    result.compileMs = performance.now() - compileStart;
    for (const file of files) result.events += await hunter.huntInput(file, {});
    result.detections = detections;
  } else {
    const { huntInParallel } = await import('../src/hunt/index.ts');
    let detections = 0;
    const byProfile = await huntInParallel(files, {
      rules,
      profile: 'windows',
      threads,
      workerUrl: new URL('../src/cli/worker.ts', import.meta.url),
      onDetection: () => detections++,
    });
    result.events = [...byProfile.values()].reduce((sum, count) => sum + count, 0);
    result.detections = detections;
  }
  const used = process.cpuUsage(cpu);
  result.wallMs = performance.now() - started;
  result.cpuMs = (used.user + used.system) / 1000;
  result.maxRssMb = process.resourceUsage().maxRSS / 1024;
  if (mode === 'hunt') result.loadMs = load;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * Node.js flags of the measured processes. By default the one `bin/sigil.js` starts the
 * command with, so the figures are what `sigil hunt` gets; `--node-flags ""` measures without it.
 */
const nodeFlags = (argument('--node-flags') ?? '--max-semi-space-size=64').split(' ').filter((flag) => flag !== '');

function measure(mode: string, listFile: string, cores: number, runs: number): Result {
  const results: Result[] = [];
  for (let run = 0; run < runs; run++) {
    const cpuList = cores === 1 ? '0' : `0-${cores - 1}`;
    const script = fileURLToPath(import.meta.url);
    const spawned = spawnSync('taskset', ['-c', cpuList, process.execPath, ...nodeFlags, '--import', 'tsx', script, '--child', mode, listFile, String(cores)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (spawned.status !== 0) throw new Error(`benchmark child failed: ${spawned.stderr}`);
    results.push(JSON.parse(spawned.stdout.trim().split('\n').pop()!) as Result);
  }
  results.sort((left, right) => left.wallMs - right.wallMs);
  return results[Math.floor(results.length / 2)]!;
}

function rate(result: Result, by: 'wallMs' | 'cpuMs'): string {
  const seconds = result[by] / 1000;
  return `${Math.round(result.events / seconds).toLocaleString('en-US').padStart(9)} ev/s ${(result.bytes / 1e6 / seconds).toFixed(1).padStart(6)} MB/s`;
}

async function main(): Promise<void> {
  const target = Number(argument('--events') ?? 1_000_000);
  const runs = Number(argument('--runs') ?? 1);
  const modes = (argument('--formats') ?? 'jsonl,evtx').split(',');
  const cores = availableParallelism();
  if (!existsSync(CORPUS)) {
    console.log(`corpus not found at ${CORPUS}: nothing to measure`);
    return;
  }
  const keep = argument('--dir');
  const folder = keep ?? mkdtempSync(join(tmpdir(), 'sigil-bench-'));
  const corpusEvents = walk(join(CORPUS, 'evtx-json'), '.jsonl').reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').length, 0);
  const repeat = Math.ceil(target / corpusEvents);

  console.log(`sigil hunt benchmark: SigmaHQ Windows rules (${windowsRuleFolders().map((path) => path.slice(CORPUS.length)).join(', ')})`);
  console.log(`input: the corpus files repeated ${repeat}× (${(corpusEvents * repeat).toLocaleString('en-US')} JSON events), in ${folder}`);
  console.log(`Node ${process.version} ${nodeFlags.join(" ") || "(no flags)"}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores; median of ${runs} run(s); one core = taskset -c 0`);
  console.log('1 core figures are CPU time (user + system) of the process; all-core figures are wall time.\n');

  const ruleRun = spawnSync('taskset', ['-c', '0', process.execPath, ...nodeFlags, '--import', 'tsx', fileURLToPath(import.meta.url), '--rule-child'], { encoding: 'utf8' });
  if (ruleRun.status !== 0) throw new Error(`rule load child failed: ${ruleRun.stderr}`);
  const rulesLoad = JSON.parse(ruleRun.stdout.trim().split('\n').pop()!) as { rules: number; coldMs: number; warmMs: number; compileMs: number; loadAverage: number };
  console.log(`rules: ${rulesLoad.rules} loaded in ${rulesLoad.coldMs.toFixed(0)} ms with an empty parsed-rule cache, ${rulesLoad.warmMs.toFixed(0)} ms with it filled; compile ${rulesLoad.compileMs.toFixed(0)} ms (CPU time, 1 core, load average ${rulesLoad.loadAverage.toFixed(1)})\n`);

  try {
    for (const format of modes) {
      const source = format === 'evtx' ? walk(join(CORPUS, 'evtx'), '.evtx') : walk(join(CORPUS, 'evtx-json'), '.jsonl');
      const listFile = join(folder, `${format}-files.json`);
      writeFileSync(listFile, JSON.stringify(repeatFiles(source, repeat, join(folder, format))));
      const floor = measure('floor', listFile, 1, runs);
      const single = measure('hunt', listFile, 1, runs);
      const all = cores > 1 ? measure('hunt', listFile, cores, runs) : undefined;
      const floorRate = floor.events / floor.cpuMs;
      console.log(`${format}: ${floor.events.toLocaleString('en-US')} events, ${(floor.bytes / 1e6).toFixed(0)} MB, ${single.detections} detections`);
      console.log(`  floor, 1 core:      ${rate(floor, 'cpuMs')}   peak ${floor.maxRssMb.toFixed(0)} MB`);
      console.log(`  hunt, 1 core:       ${rate(single, 'cpuMs')}   peak ${single.maxRssMb.toFixed(0)} MB   hunt/floor time ${(floorRate / (single.events / single.cpuMs)).toFixed(2)}×`);
      console.log(`  hunt, 1 core, wall: ${rate(single, 'wallMs')}   load average ${single.loadAverage.toFixed(1)}`);
      if (all) {
        console.log(`  hunt, ${cores} cores, wall: ${rate(all, 'wallMs')}   peak ${all.maxRssMb.toFixed(0)} MB   speed-up over 1 core (wall) ${(single.wallMs / all.wallMs).toFixed(2)}×   load average ${all.loadAverage.toFixed(1)}`);
        console.log(`  hunt, ${cores} cores, CPU:  ${rate(all, 'cpuMs')}   CPU time ${(all.cpuMs / 1000).toFixed(1)} s against ${(single.cpuMs / 1000).toFixed(1)} s on 1 core (all threads, rule compile in each worker included)`);
      }
      console.log(`  rule load ${single.loadMs?.toFixed(0)} ms (through the parsed-rule cache, which the first run fills), compile ${single.compileMs?.toFixed(0)} ms\n`);
    }
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--rule-child') await ruleChild();
else if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
else await main();
