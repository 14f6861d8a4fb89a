// `node --import tsx bench/match.ts [ROUNDS]`: matching alone, without reading: the SigmaHQ
// Windows rules over the corpus events held in memory, CPU time per round. Separates the
// engine's cost from the readers' in `npm run bench`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleFiles } from '../src/cli/rule-files.ts';
import { RuleSet } from '../src/engine/index.ts';
import { getProfile } from '../src/profiles/index.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

function jsonLinesFiles(folder: string, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) jsonLinesFiles(path, found);
    else if (entry.name.endsWith('.jsonl')) found.push(path);
  }
  return found.sort();
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const folders = readdirSync(join(CORPUS, 'sigma')).filter((name) => name.startsWith('rules')).map((name) => join(CORPUS, 'sigma', name, 'windows'));
let start = process.cpuUsage();
const { collection } = await loadRuleFiles(folders.filter((folder) => { try { return readdirSync(folder).length > 0; } catch { return false; } }), { cache: process.env['SIGIL_BENCH_NO_CACHE'] === undefined });
console.log(`load: ${cpuMs(start).toFixed(0)} ms CPU, ${collection.rules.length} rules`);
start = process.cpuUsage();
const ruleSet = new RuleSet(collection.rules, getProfile('windows')!, { profileRules: process.env['SIGIL_BENCH_PROFILE'] !== undefined });
console.log(`compile: ${cpuMs(start).toFixed(0)} ms CPU, ${ruleSet.errors.length} rules cannot run`);
const events = jsonLinesFiles(join(CORPUS, 'evtx-json')).flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>));
for (let round = 0; round < Number(process.argv[2] ?? 5); round++) {
  start = process.cpuUsage();
  let detections = 0;
  for (const event of events) detections += ruleSet.match(event).length;
  const ms = cpuMs(start);
  console.log(`round ${round}: ${ms.toFixed(0)} ms CPU, ${Math.round((events.length / ms) * 1000)} events/s, ${detections} detections`);
}
const { events: matched, tried, skipped } = ruleSet.stats;
console.log(`${(tried / matched).toFixed(1)} rules tried and ${(skipped / matched).toFixed(0)} skipped per event`);
for (const cost of ruleSet.ruleProfile().slice(0, 15)) console.log(`${cost.milliseconds.toFixed(0).padStart(6)} ms ${String(cost.tries).padStart(7)} tries  ${cost.rule.rule.title}`);
