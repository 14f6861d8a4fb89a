// The hunt on several threads: the calling thread and worker threads. Each task (a whole
// file, or a range of chunks of a large EVTX file) goes to the next free thread. Results are
// reported in task order, so the output is the same as one thread reading the files one after
// another. A thread may have at most `CREDITS` detection batches unacknowledged, and a batch
// is acknowledged when reported, so memory stays bounded while an earlier task still runs.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { getProfile, type Profile } from '../profiles/index.ts';
import type { RuleDetection } from '../output/index.ts';
import type { SigmaFilter, SigmaRule } from '../sigma/index.ts';
import type { SourceWarning } from '../sources/index.ts';
import { DEFAULT_CHUNKS_PER_TASK, planTasks, type PlannedTask } from './plan-tasks.ts';
import { localTaskPorts } from './task-port.ts';
import { runWorkerLoop } from './worker-loop.ts';
import type { FromWorker, ToWorker, WorkerRules, WorkerSetup } from './worker-protocol.ts';

export interface ParallelHuntOptions {
  rules: readonly SigmaRule[];
  filters?: readonly SigmaFilter[];
  /** A profile name or file for every worker to resolve; undefined picks one per event. */
  profile?: string;
  threads: number;
  /** The worker entry script (`src/cli/worker.ts`, or `dist/worker.js` when bundled). */
  workerUrl: URL;
  /** EVTX chunks per task when a large EVTX file is split between workers (default 64, 4 MiB). */
  chunksPerTask?: number;
  /** The tasks, when the caller has planned them already with planTasks (with the same chunksPerTask). */
  tasks?: readonly PlannedTask[];
  /**
   * V8 heap limits of each worker thread (default: V8's). NOTE: semi-spaces of 32 MB cut the
   * peak of a one-thread hunt, but made no clear difference in workers (docs/benchmarks.md).
   */
  resourceLimits?: ResourceLimits;
  /**
   * Whether the calling thread hunts too, as one of the `threads` (default true). It needs no
   * copy of the rules, so `threads` threads hold `threads` copies of the rules, not one more.
   */
  huntOnCallingThread?: boolean;
  /** The profile object named by `profile`, for the calling thread; needed when `profile` is a file. */
  resolvedProfile?: Profile;
  onDetection: (detection: RuleDetection) => void;
  onWarning?: (warning: SourceWarning) => void;
  onProfile?: (file: string, profile: string) => void;
  onRuleError?: (rule: SigmaRule, message: string, profile: string) => void;
  /** Called after each input file's results are reported, with its event count. */
  onFileDone?: (path: string, events: number) => Promise<void> | void;
}

/** Detection batches a worker may send ahead of the reporting. */
const CREDITS = 4;

interface TaskState {
  planned: PlannedTask;
  worker: WorkerHandle;
  messages: FromWorker[];
  done: boolean;
  events: number;
}

/** A worker thread, or the loop on the calling thread, as the dispatch uses it. */
interface WorkerHandle {
  post: (message: ToWorker) => void;
  busy: boolean;
  stop: () => Promise<void>;
}

type MessageListener = (message: FromWorker) => void;
type ErrorListener = (error: Error) => void;

/**
 * Starts a worker thread. A TypeScript entry (running from source) first registers the tsx
 * loader in the worker, because a worker does not inherit the loader hooks of `--import tsx`.
 */
function startThread(url: URL, setup: WorkerSetup, resourceLimits: ResourceLimits): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: setup, resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup, resourceLimits });
}

/** Starts `count` worker threads with the rules. The rules text is not kept, so it is freed once the workers have copied it. */
function startThreads(options: ParallelHuntOptions, count: number, onMessage: MessageListener, onError: ErrorListener): WorkerHandle[] {
  if (count <= 0) return [];
  // Matching never reads the YAML text of a rule, so workers get none (without a replacer function, which slows JSON.stringify).
  const rules = options.rules.map((rule) => ({ ...rule, origin: { ...rule.origin, text: '' } }));
  const workerRules: WorkerRules = { rules, filters: [...(options.filters ?? [])] };
  const setup: WorkerSetup = { rulesJson: sharedUtf8(JSON.stringify(workerRules)), profile: options.profile, credits: CREDITS };
  return Array.from({ length: count }, () => {
    const worker = startThread(options.workerUrl, setup, options.resourceLimits ?? {});
    worker.on('message', onMessage);
    worker.on('error', onError);
    return { post: (message) => worker.postMessage(message), busy: false, stop: async () => void (await worker.terminate()) };
  });
}

/** Starts the task loop on the calling thread, connected like a worker but without copying messages. */
function startLocal(options: ParallelHuntOptions, profile: Profile | undefined, onMessage: MessageListener, onError: ErrorListener): WorkerHandle {
  const { hunt, loop } = localTaskPorts();
  hunt.listen(onMessage);
  runWorkerLoop(loop, { rules: options.rules, filters: options.filters ?? [], profile, credits: CREDITS }).catch(onError);
  return {
    post: (message) => hunt.post(message),
    busy: false,
    stop: async () => {
      hunt.post({ kind: 'stop' });
      hunt.close();
    },
  };
}

/**
 * Returns the profile for the loop on the calling thread: `resolvedProfile`, or else the
 * built-in profile named by `profile`. Null when `profile` names a file, which only the
 * worker entry can load, so the calling thread does not hunt.
 */
function localProfile(options: ParallelHuntOptions): Profile | undefined | null {
  if (options.resolvedProfile || options.profile === undefined) return options.resolvedProfile;
  return getProfile(options.profile) ?? null;
}

/** Hunts the inputs on `threads` threads, the calling one included. Returns events per profile name. */
export async function huntInParallel(inputs: readonly string[], options: ParallelHuntOptions): Promise<Map<string, number>> {
  const threads = Math.max(1, options.threads);
  let failure: Error | undefined;
  // Replaced once the reporting below is set up; no task is dispatched before that.
  let received: MessageListener = () => {};
  let failed: ErrorListener = (error) => (failure ??= error);
  const onMessage = (message: FromWorker): void => received(message);
  const onError = (error: Error): void => failed(error);
  const profile = localProfile(options);
  const local = options.huntOnCallingThread !== false && profile !== null ? [startLocal(options, profile, onMessage, onError)] : [];
  // Workers start (and compile their rules) while the inputs are being split into tasks.
  const handles = [...local, ...startThreads(options, Math.min(threads, Math.max(1, options.tasks?.length ?? inputs.length)) - local.length, onMessage, onError)];
  const planned = options.tasks ?? (await planTasks(inputs, options.chunksPerTask ?? DEFAULT_CHUNKS_PER_TASK));
  handles.push(...startThreads(options, Math.min(threads, planned.length) - handles.length, onMessage, onError));
  const lastTaskOf = new Map<number, number>(planned.map((task) => [task.input, task.task]));
  const eventsByProfile = new Map<string, number>();
  const tasks: TaskState[] = [];
  const reportedErrors = new Set<string>();
  const profileReported = new Set<number>();
  let eventsOfFile = 0;
  let nextToReport = 0;

  return await new Promise((resolve, reject) => {
    let finished = false;
    const finish = async (): Promise<void> => {
      if (finished) return;
      finished = true;
      await Promise.all(handles.map((handle) => handle.stop()));
      if (failure) reject(failure);
      else resolve(eventsByProfile);
    };

    const dispatch = (): void => {
      for (const handle of handles) {
        if (handle.busy || tasks.length >= planned.length) continue;
        const next = planned[tasks.length]!;
        tasks.push({ planned: next, worker: handle, messages: [], done: false, events: 0 });
        handle.busy = true;
        handle.post({ kind: 'task', task: next.task, path: next.path, ...(next.chunks ? { chunks: next.chunks } : {}) });
      }
    };

    const handle = (message: FromWorker, state: TaskState): void => {
      switch (message.kind) {
        case 'detections':
          for (const { ruleIndex, ...detection } of message.detections) options.onDetection({ ...detection, rule: options.rules[ruleIndex]! });
          state.worker.post({ kind: 'ack' });
          return;
        case 'warning':
          options.onWarning?.(message.warning);
          return;
        case 'profile':
          // Every task of a file reports the profile of its first event; the file's first one counts.
          if (profileReported.has(state.planned.input)) return;
          profileReported.add(state.planned.input);
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
          failure ??= new Error(`${state.planned.path}: ${message.message}`);
          return;
      }
    };

    /** Reports what the tasks sent, in task order, up to the first task still running. */
    const report = async (): Promise<void> => {
      while (nextToReport < tasks.length) {
        const state = tasks[nextToReport]!;
        for (let message = state.messages.shift(); message; message = state.messages.shift()) handle(message, state);
        if (!state.done) return;
        eventsOfFile += state.events;
        if (lastTaskOf.get(state.planned.input) === state.planned.task) {
          await options.onFileDone?.(state.planned.path, eventsOfFile);
          eventsOfFile = 0;
        }
        nextToReport++;
      }
      if (nextToReport === planned.length) await finish();
    };

    let reporting = Promise.resolve();
    received = (message) => {
      const state = tasks[message.task]!;
      state.messages.push(message);
      if (message.kind === 'done' || message.kind === 'failed') {
        state.done = true;
        if (message.kind === 'done') state.events = message.events;
        state.worker.busy = false;
        dispatch();
      }
      reporting = reporting.then(report).catch((error: unknown) => {
        failure ??= error as Error;
        void finish();
      });
    };
    failed = (error) => {
      failure ??= error;
      void finish();
    };
    if (planned.length === 0 || failure) {
      void finish();
      return;
    }
    dispatch();
  });
}

/** Copies text into a SharedArrayBuffer as UTF-8. */
function sharedUtf8(text: string): SharedArrayBuffer {
  const bytes = Buffer.from(text, 'utf8');
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}
