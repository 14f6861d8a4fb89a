// Worker thread entry of `sigil hunt --threads N`: hunts the files the main thread sends, one
// at a time, and posts detections back in batches, waiting for acknowledgements so that a
// slow consumer holds the reading back.
import { parentPort, workerData } from 'node:worker_threads';
import { Hunter } from '../hunt/hunter.ts';
import type { DetectionMessage, FromWorker, ToWorker, WorkerSetup } from '../hunt/worker-protocol.ts';
import type { SigmaRule } from '../sigma/index.ts';
import { resolveProfileOption } from './profile-option.ts';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const ruleIndex = new Map<SigmaRule, number>(setup.rules.map((rule, index) => [rule, index]));
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

/** The file being hunted; the one Hunter (and its compiled rule sets) serves every file. */
const current = { file: -1, pending: [] as DetectionMessage[] };
const reported = new Set<string>();
const hunter = new Hunter({
  rules: setup.rules,
  filters: setup.filters,
  ...(profile ? { profile } : {}),
  onDetection: ({ rule, ...detection }) => current.pending.push({ ...detection, ruleIndex: ruleIndex.get(rule)! }),
  onProfile: (path, chosen) => void send({ kind: 'profile', file: current.file, path, profile: chosen.name }),
  onRuleError: (error, chosen) => {
    const key = `${ruleIndex.get(error.rule)}:${chosen.name}`;
    if (reported.has(key)) return;
    reported.add(key);
    void send({ kind: 'rule-error', file: current.file, ruleIndex: ruleIndex.get(error.rule)!, message: error.message, profile: chosen.name });
  },
  afterBatch: () => flush(),
});

async function flush(): Promise<void> {
  if (current.pending.length === 0) return;
  const detections = current.pending;
  current.pending = [];
  await send({ kind: 'detections', file: current.file, detections });
}

async function huntFile(file: number, path: string): Promise<void> {
  current.file = file;
  const before = new Map(hunter.eventsByProfile);
  const events = await hunter.huntInput(path, { onWarning: (warning) => void send({ kind: 'warning', file, warning }) });
  await flush();
  const eventsByProfile = [...hunter.eventsByProfile].map(([name, count]): [string, number] => [name, count - (before.get(name) ?? 0)]);
  await send({ kind: 'done', file, events, eventsByProfile });
}

for (;;) {
  while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  const message = queue.shift()!;
  if (message.kind === 'stop') break;
  if (message.kind !== 'file') continue;
  try {
    await huntFile(message.file, message.path);
  } catch (error) {
    await send({ kind: 'failed', file: message.file, message: (error as Error).message });
  }
}
port.close();
