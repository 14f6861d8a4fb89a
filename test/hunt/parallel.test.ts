// The parallel hunt reports the same detections, warnings and counts as one thread, in the same
// order, whether it hunts whole files or ranges of EVTX chunks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadRuleFiles } from '../../src/cli/rule-files.ts';
import { Hunter, huntInParallel, planTasks } from '../../src/hunt/index.ts';
import type { RuleDetection } from '../../src/output/index.ts';
import { getProfile } from '../../src/profiles/index.ts';
import type { SigmaRule } from '../../src/sigma/index.ts';
import type { SourceWarning } from '../../src/sources/index.ts';
import { tempFolder } from '../support/cli.ts';
import { CORPUS, corpusMissing, REPO } from '../support/corpus.ts';
import { evtxFiles, writeConcatenatedEvtx } from './concat-evtx.ts';

const WORKER = new URL('src/cli/worker.ts', `file://${REPO}`);
const RULE_FOLDERS = ['sigma/rules/windows/process_creation', 'sigma/rules/windows/builtin/security', 'sigma/rules/windows/powershell'];
const skip = corpusMissing('evtx/EVTX-ATTACK-SAMPLES') ?? corpusMissing('sigma/rules/windows');

interface HuntResult {
  detections: string[];
  warnings: string[];
  events: number;
}

/** Describes a detection in one line: the rule, where the event is and the fields shown. */
function describeDetection(detection: RuleDetection): string {
  return JSON.stringify([detection.rule.id ?? detection.rule.title, detection.source, detection.fields, detection.timestamp ?? null]);
}

function describeWarning(warning: SourceWarning): string {
  return `${warning.code} ${JSON.stringify(warning.position)} ${warning.message}`;
}

async function loadRules(): Promise<SigmaRule[]> {
  const { collection } = await loadRuleFiles(RULE_FOLDERS.map((folder) => CORPUS + folder), { cache: false });
  return collection.rules;
}

async function huntOneThread(rules: readonly SigmaRule[], inputs: readonly string[]): Promise<HuntResult> {
  const result: HuntResult = { detections: [], warnings: [], events: 0 };
  const hunter = new Hunter({ rules, profile: getProfile('windows')!, onDetection: (detection) => result.detections.push(describeDetection(detection)) });
  for (const input of inputs) result.events += await hunter.huntInput(input, { onWarning: (warning) => result.warnings.push(describeWarning(warning)) });
  return result;
}

async function huntTwoThreads(rules: readonly SigmaRule[], inputs: readonly string[], chunksPerTask?: number, huntOnCallingThread = true): Promise<HuntResult> {
  const result: HuntResult = { detections: [], warnings: [], events: 0 };
  const files: string[] = [];
  await huntInParallel(inputs, {
    rules,
    profile: 'windows',
    threads: 2,
    workerUrl: WORKER,
    ...(chunksPerTask ? { chunksPerTask } : {}),
    huntOnCallingThread,
    onDetection: (detection) => result.detections.push(describeDetection(detection)),
    onWarning: (warning) => result.warnings.push(describeWarning(warning)),
    onFileDone: (path, events) => {
      files.push(path);
      result.events += events;
    },
  });
  assert.deepEqual(files, inputs, 'every file is reported once, in input order');
  return result;
}

describe('parallel hunt', { skip }, () => {
  test('plans chunk ranges for large EVTX files only', async (t) => {
    const folder = tempFolder();
    const large = join(folder, 'large.evtx');
    const sources = evtxFiles(`${CORPUS}evtx/EVTX-ATTACK-SAMPLES`);
    writeConcatenatedEvtx(large, sources, 10);
    const small = sources[0]!;
    const tasks = await planTasks([small, large], 4);
    t.diagnostic(`${tasks.length} tasks`);
    assert.deepEqual(
      tasks.map((task) => [task.input, task.chunks ?? null]),
      [[0, null], [1, { first: 0, count: 4 }], [1, { first: 4, count: 4 }], [1, { first: 8, count: 2 }]],
    );
  });

  test('same detections on corpus EVTX files, split by chunk', async () => {
    const rules = await loadRules();
    const inputs = evtxFiles(`${CORPUS}evtx/EVTX-ATTACK-SAMPLES`).slice(0, 60);
    const expected = await huntOneThread(rules, inputs);
    assert.ok(expected.detections.length > 0, 'the rules fire on these files');
    const byFile = await huntTwoThreads(rules, inputs);
    assert.deepEqual(byFile, expected);
    // One chunk per task: every multi-chunk file is spread over both workers.
    const byChunk = await huntTwoThreads(rules, inputs, 1);
    assert.deepEqual(byChunk, expected);
  });

  test('same detections on one large EVTX file', async () => {
    const rules = await loadRules();
    const folder = tempFolder();
    const large = join(folder, 'large.evtx');
    writeConcatenatedEvtx(large, evtxFiles(`${CORPUS}evtx/EVTX-ATTACK-SAMPLES`), 40);
    const expected = await huntOneThread(rules, [large]);
    assert.ok(expected.detections.length > 0, 'the rules fire on this file');
    assert.deepEqual(await huntTwoThreads(rules, [large], 3), expected);
    // Two worker threads, the calling thread only reporting.
    assert.deepEqual(await huntTwoThreads(rules, [large], 3, false), expected);
  });
});
