// The loop that hunts the tasks of a parallel hunt: in a worker thread (src/cli/worker.ts), or
// on the calling thread through a MessageChannel, which saves one copy of the rules and their
// compiled form. It posts detections back in batches and waits for acknowledgements, so a slow
// consumer slows the reading down.
import type { Profile } from '../profiles/index.ts';
import type { SigmaFilter, SigmaRule } from '../sigma/index.ts';
import { readEvtxFile, type ChunkRange } from '../sources/index.ts';
import type { SourceEvent, SourceWarning } from '../sources/index.ts';
import { Hunter } from './hunter.ts';
import type { TaskPort } from './task-port.ts';
import type { DetectionMessage, FromWorker, HuntTask, ToWorker } from './worker-protocol.ts';

export interface WorkerLoopOptions {
  rules: readonly SigmaRule[];
  filters: readonly SigmaFilter[];
  /** A fixed profile, or undefined to pick one per event. */
  profile: Profile | undefined;
  /** Detection batches that may be unacknowledged at once. */
  credits: number;
}

/** Hunts the tasks received on `port` until a `stop` message, then closes the port. */
export async function runWorkerLoop(port: TaskPort, options: WorkerLoopOptions): Promise<void> {
  const ruleIndex = new Map<SigmaRule, number>(options.rules.map((rule, index) => [rule, index]));
  let credits = options.credits;
  let waiting: (() => void) | undefined;
  const queue: ToWorker[] = [];
  let wake: (() => void) | undefined;

  // Closing the other end stops the loop: the task being hunted fails at its next message.
  let closed = false;
  const onClose = (): void => {
    closed = true;
    queue.push({ kind: 'stop' });
    wake?.();
    waiting?.();
  };
  const onMessage = (message: ToWorker): void => {
    if (message.kind === 'ack') {
      credits++;
      waiting?.();
      waiting = undefined;
      return;
    }
    queue.push(message);
    wake?.();
    wake = undefined;
  };
  port.listen(onMessage, onClose);

  /** Posts a message; detections wait for a credit, so at most `credits` of them are unacknowledged. */
  const send = async (message: FromWorker): Promise<void> => {
    if (message.kind === 'detections') {
      while (credits <= 0 && !closed) await new Promise<void>((resolve) => (waiting = resolve));
      credits--;
    }
    if (closed) throw new Error('the parallel hunt stopped before this task ended');
    port.send(message);
  };

  // The task being hunted. One Hunter, with its compiled rule sets, serves every task.
  const current = { task: -1, pending: [] as DetectionMessage[] };
  const flush = async (): Promise<void> => {
    if (current.pending.length === 0) return;
    const detections = current.pending;
    current.pending = [];
    await send({ kind: 'detections', task: current.task, detections });
  };
  const reported = new Set<string>();
  const hunter = new Hunter({
    rules: options.rules,
    filters: options.filters,
    ...(options.profile ? { profile: options.profile } : {}),
    onDetection: ({ rule, ...detection }) => current.pending.push({ ...detection, ruleIndex: ruleIndex.get(rule)! }),
    onProfile: (path, chosen) => void send({ kind: 'profile', task: current.task, path, profile: chosen.name }),
    onRuleError: (error, chosen) => {
      const key = `${ruleIndex.get(error.rule)}:${chosen.name}`;
      if (reported.has(key)) return;
      reported.add(key);
      void send({ kind: 'rule-error', task: current.task, ruleIndex: ruleIndex.get(error.rule)!, message: error.message, profile: chosen.name });
    },
    afterBatch: flush,
  });

  const huntTask = async (task: HuntTask): Promise<void> => {
    current.task = task.task;
    const before = new Map(hunter.eventsByProfile);
    const onWarning = (warning: SourceWarning): void => void send({ kind: 'warning', task: task.task, warning });
    const events = task.chunks
      ? await hunter.huntBatches(readChunkRange(task.path, task.chunks, onWarning))
      : await hunter.huntInput(task.path, { onWarning });
    await flush();
    const eventsByProfile = [...hunter.eventsByProfile].map(([name, count]): [string, number] => [name, count - (before.get(name) ?? 0)]);
    await send({ kind: 'done', task: task.task, events, eventsByProfile });
  };

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
}

/** Yields the events of a range of EVTX chunks. A failed read becomes a READ_FAILED warning, as for a whole file. */
async function* readChunkRange(path: string, chunks: ChunkRange, onWarning: (warning: SourceWarning) => void): AsyncGenerator<SourceEvent[]> {
  try {
    yield* readEvtxFile(path, { onWarning, chunks });
  } catch (error) {
    onWarning({ code: 'READ_FAILED', message: `reading the EVTX file failed: ${(error as Error).message}`, position: { file: path } });
  }
}
