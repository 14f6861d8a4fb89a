// Messages between the parallel hunt and its worker threads. Detections travel without their
// rule (the worker sends the rule's index), so a detection costs only its event to copy.
import type { RuleDetection } from '../output/index.ts';
import type { SigmaFilter, SigmaRule } from '../sigma/index.ts';
import type { SourceWarning } from '../sources/index.ts';

/** What each worker is started with. */
export interface WorkerSetup {
  rules: readonly SigmaRule[];
  filters: readonly SigmaFilter[];
  /** A profile name or file, resolved in the worker; undefined picks one per event. */
  profile: string | undefined;
  /** Messages a worker may have outstanding before it waits for an acknowledgement. */
  credits: number;
}

export type DetectionMessage = Omit<RuleDetection, 'rule'> & { ruleIndex: number };

export type ToWorker = { kind: 'file'; file: number; path: string } | { kind: 'ack' } | { kind: 'stop' };

export type FromWorker =
  | { kind: 'detections'; file: number; detections: DetectionMessage[] }
  | { kind: 'warning'; file: number; warning: SourceWarning }
  | { kind: 'profile'; file: number; path: string; profile: string }
  | { kind: 'rule-error'; file: number; ruleIndex: number; message: string; profile: string }
  | { kind: 'done'; file: number; events: number; eventsByProfile: Array<[string, number]> }
  | { kind: 'failed'; file: number; message: string };
