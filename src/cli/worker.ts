// Worker thread entry of `sigil hunt --threads N`: hunts the tasks the main thread sends (a
// whole file, or a range of chunks of an EVTX file), one at a time, and posts detections back
// in batches, waiting for acknowledgements so that a slow consumer holds the reading back.
import { parentPort, workerData } from 'node:worker_threads';
import { Hunter } from '../hunt/hunter.ts';
import type { DetectionMessage, FromWorker, HuntTask, ToWorker, WorkerRules, WorkerSetup } from '../hunt/worker-protocol.ts';
import type { SigmaRule } from '../sigma/index.ts';
import { readEvtxFile } from '../sources/evtx-file.ts';
import type { SourceEvent, SourceWarning } from '../sources/index.ts';
import { resolveProfileOption } from './profile-option.ts';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const { rules, filters } = JSON.parse(setup.rulesJson) as WorkerRules;
const ruleIndex = new Map<SigmaRule, number>(rules.map((rule, index) => [rule, index]));
const profile = await resolveProfileOption(setup.profile);

let credits = setup.credits;
let waiting: (() => void) | undefined;
const queue: ToWorker[] = [];
let wake: (() => void) | undefined;

port.on('message', (message: ToWorker) => {
  if (message.kind === 'ack') {
    credits++;
    waiting?.();
    waiting = undefined;
    return;
  }
  queue.push(message);
  wake?.();
  wake = undefined;
});

/** Posts a message; detections wait for a credit, so at most `credits` of them are unacknowledged. */
async function send(message: FromWorker): Promise<void> {
  if (message.kind === 'detections') {
    while (credits <= 0) await new Promise<void>((resolve) => (waiting = resolve));
    credits--;
  }
  port.postMessage(message);
}

/** The task being hunted; the one Hunter (and its compiled rule sets) serves every task. */
const current = { task: -1, pending: [] as DetectionMessage[] };
const reported = new Set<string>();
const hunter = new Hunter({
  rules,
  filters,
  ...(profile ? { profile } : {}),
  onDetection: ({ rule, ...detection }) => current.pending.push({ ...detection, ruleIndex: ruleIndex.get(rule)! }),
  onProfile: (path, chosen) => void send({ kind: 'profile', task: current.task, path, profile: chosen.name }),
  onRuleError: (error, chosen) => {
    const key = `${ruleIndex.get(error.rule)}:${chosen.name}`;
    if (reported.has(key)) return;
    reported.add(key);
    void send({ kind: 'rule-error', task: current.task, ruleIndex: ruleIndex.get(error.rule)!, message: error.message, profile: chosen.name });
  },
  afterBatch: () => flush(),
});

async function flush(): Promise<void> {
  if (current.pending.length === 0) return;
  const detections = current.pending;
  current.pending = [];
  await send({ kind: 'detections', task: current.task, detections });
}

/** The events of a range of EVTX chunks; a failed read becomes a READ_FAILED warning, as for a whole file. */
async function* readChunkRange(task: HuntTask & { chunks: NonNullable<HuntTask['chunks']> }, onWarning: (warning: SourceWarning) => void): AsyncGenerator<SourceEvent[]> {
  try {
    yield* readEvtxFile(task.path, { onWarning, chunks: task.chunks });
  } catch (error) {
    onWarning({ code: 'READ_FAILED', message: `reading the EVTX file failed: ${(error as Error).message}`, position: { file: task.path } });
  }
}

async function huntTask(task: HuntTask): Promise<void> {
  current.task = task.task;
  const before = new Map(hunter.eventsByProfile);
  const onWarning = (warning: SourceWarning): void => void send({ kind: 'warning', task: task.task, warning });
  const events = task.chunks
    ? await hunter.huntBatches(readChunkRange({ ...task, chunks: task.chunks }, onWarning))
    : await hunter.huntInput(task.path, { onWarning });
  await flush();
  const eventsByProfile = [...hunter.eventsByProfile].map(([name, count]): [string, number] => [name, count - (before.get(name) ?? 0)]);
  await send({ kind: 'done', task: task.task, events, eventsByProfile });
}

for (;;) {
  while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  const message = queue.shift()!;
  if (message.kind === 'stop') break;
  if (message.kind !== 'task') continue;
  try {
    await huntTask(message);
  } catch (error) {
    await send({ kind: 'failed', task: message.task, message: (error as Error).message });
  }
}
port.close();
