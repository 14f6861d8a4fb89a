// The hunt on worker threads: each worker hunts whole files, and the results are reported in
// input order, as if one thread had read the files one after another. A worker holds at most
// `credits` unacknowledged detection batches, and batches are acknowledged when reported, so
// memory stays bounded while an earlier, slower file is still being read.
import { Worker } from 'node:worker_threads';
import type { RuleDetection } from '../output/index.ts';
import type { SigmaFilter, SigmaRule } from '../sigma/index.ts';
import type { SourceWarning } from '../sources/index.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.ts';

export interface ParallelHuntOptions {
  rules: readonly SigmaRule[];
  filters?: readonly SigmaFilter[];
  /** A profile name or file for every worker to resolve; undefined picks one per event. */
  profile?: string;
  threads: number;
  /** The worker entry script (`src/cli/worker.ts`, or `dist/worker.js` when bundled). */
  workerUrl: URL;
  onDetection: (detection: RuleDetection) => void;
  onWarning?: (warning: SourceWarning) => void;
  onProfile?: (file: string, profile: string) => void;
  onRuleError?: (rule: SigmaRule, message: string, profile: string) => void;
  /** Called after each input file's results are reported, with its event count. */
  onFileDone?: (path: string, events: number) => Promise<void> | void;
}

/** Detection batches a worker may send ahead of the reporting. */
const CREDITS = 4;

interface FileState {
  path: string;
  worker: WorkerHandle;
  messages: FromWorker[];
  done: boolean;
}

interface WorkerHandle {
  worker: Worker;
  busy: boolean;
}

/**
 * Starts a worker. A TypeScript entry (running from source) first registers the tsx loader
 * in the worker, because a worker does not inherit the loader hooks of `--import tsx`.
 */
function startWorker(url: URL, setup: WorkerSetup): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: setup });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

/** Hunts the inputs on `threads` workers. Returns events per profile name. */
export async function huntInParallel(inputs: readonly string[], options: ParallelHuntOptions): Promise<Map<string, number>> {
  const setup: WorkerSetup = { rules: options.rules, filters: options.filters ?? [], profile: options.profile, credits: CREDITS };
  const handles: WorkerHandle[] = Array.from({ length: Math.max(1, Math.min(options.threads, inputs.length)) }, () => ({
    worker: startWorker(options.workerUrl, setup),
    busy: false,
  }));
  const eventsByProfile = new Map<string, number>();
  const files: FileState[] = [];
  const reportedErrors = new Set<string>();
  let nextToReport = 0;
  let failure: Error | undefined;

  return await new Promise((resolve, reject) => {
    const finish = async (): Promise<void> => {
      await Promise.all(handles.map((handle) => handle.worker.terminate()));
      if (failure) reject(failure);
      else resolve(eventsByProfile);
    };

    const dispatch = (): void => {
      for (const handle of handles) {
        if (handle.busy || files.length >= inputs.length) continue;
        const file = files.length;
        files.push({ path: inputs[file]!, worker: handle, messages: [], done: false });
        handle.busy = true;
        handle.worker.postMessage({ kind: 'file', file, path: inputs[file]! } satisfies ToWorker);
      }
    };

    let reporting = Promise.resolve();
    const report = async (): Promise<void> => {
      while (nextToReport < files.length) {
        const state = files[nextToReport]!;
        while (state.messages.length > 0) {
          const message = state.messages.shift()!;
          handle(message, state);
        }
        if (!state.done) return;
        await options.onFileDone?.(state.path, doneEvents.get(nextToReport) ?? 0);
        nextToReport++;
      }
      if (nextToReport === inputs.length) await finish();
    };

    const doneEvents = new Map<number, number>();
    const handle = (message: FromWorker, state: FileState): void => {
      switch (message.kind) {
        case 'detections':
          for (const { ruleIndex, ...detection } of message.detections) options.onDetection({ ...detection, rule: options.rules[ruleIndex]! });
          state.worker.worker.postMessage({ kind: 'ack' } satisfies ToWorker);
          return;
        case 'warning':
          options.onWarning?.(message.warning);
          return;
        case 'profile':
          options.onProfile?.(message.path, message.profile);
          return;
        case 'rule-error': {
          const key = `${message.ruleIndex}:${message.profile}`;
          if (reportedErrors.has(key)) return;
          reportedErrors.add(key);
          options.onRuleError?.(options.rules[message.ruleIndex]!, message.message, message.profile);
          return;
        }
        case 'done':
          for (const [name, count] of message.eventsByProfile) eventsByProfile.set(name, (eventsByProfile.get(name) ?? 0) + count);
          return;
        case 'failed':
          failure ??= new Error(`${state.path}: ${message.message}`);
          return;
      }
    };

    for (const handleEntry of handles) {
      handleEntry.worker.on('message', (message: FromWorker) => {
        const state = files[message.file]!;
        state.messages.push(message);
        if (message.kind === 'done' || message.kind === 'failed') {
          state.done = true;
          if (message.kind === 'done') doneEvents.set(message.file, message.events);
          handleEntry.busy = false;
          dispatch();
        }
        reporting = reporting.then(report).catch((error: unknown) => {
          failure ??= error as Error;
          void finish();
        });
      });
      handleEntry.worker.on('error', (error) => {
        failure ??= error;
        void finish();
      });
    }
    if (inputs.length === 0) {
      void finish();
      return;
    }
    dispatch();
  });
}
