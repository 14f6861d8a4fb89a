// Messages between the parallel hunt and its worker threads. Detections travel without their
// rule (the worker sends the rule's index), so a detection costs only its event to copy.
import type { RuleDetection } from '../output/index.ts';
import type { SigmaFilter, SigmaRule } from '../sigma/index.ts';
import type { ChunkRange } from '../sources/index.ts';
import type { SourceWarning } from '../sources/index.ts';

/** What each worker is started with. */
export interface WorkerSetup {
  /**
   * The rules and filters as JSON text in UTF-8 (see WorkerRules), shared by all workers.
   * Parsing JSON is cheaper than structured cloning of the object graph (see
   * docs/benchmarks.md). A shared buffer is not copied per worker, and it takes one byte per
   * ASCII character, where a string with one non-Latin-1 character takes two.
   */
  rulesJson: SharedArrayBuffer;
  /** A profile name or file, resolved in the worker; undefined picks one per event. */
  profile: string | undefined;
  /** Messages a worker may have outstanding before it waits for an acknowledgement. */
  credits: number;
}

/** The rules and filters inside `WorkerSetup.rulesJson`. */
export interface WorkerRules {
  rules: SigmaRule[];
  filters: SigmaFilter[];
}

export type DetectionMessage = Omit<RuleDetection, 'rule'> & { ruleIndex: number };

/** One unit of work: a whole input, or a range of chunks of an EVTX file. */
export interface HuntTask {
  /** Position in the output order. */
  task: number;
  path: string;
  chunks?: ChunkRange;
}

export type ToWorker = ({ kind: 'task' } & HuntTask) | { kind: 'ack' } | { kind: 'stop' };

export type FromWorker =
  | { kind: 'detections'; task: number; detections: DetectionMessage[] }
  | { kind: 'warning'; task: number; warning: SourceWarning }
  | { kind: 'profile'; task: number; path: string; profile: string }
  | { kind: 'rule-error'; task: number; ruleIndex: number; message: string; profile: string }
  | { kind: 'done'; task: number; events: number; eventsByProfile: Array<[string, number]> }
  | { kind: 'failed'; task: number; message: string };
