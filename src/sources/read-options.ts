// Options shared by the readers, and the per-input context built from them.

import type { EventPosition, SourceWarning, SourceWarningCode, WarningSink } from './types.ts';

/** Running totals for one or more inputs; the readers add to them as they go. */
export interface ReadStats {
  /** Events yielded. */
  events: number;
  /**
   * Lines, values or truncated tails of JSON input that were left out. Records the EVTX
   * reader skips show in its warnings only.
   */
  skipped: number;
  /** Warnings reported, including those that skipped nothing (such as an unknown format). */
  warnings: number;
}

export interface ReadOptions {
  /** Receives each problem found in the input; reading goes on after it. */
  onWarning?: WarningSink;
  /** Largest event (or JSON line) in bytes; longer ones are skipped without being buffered. Default 16 MiB. */
  maxEventBytes?: number;
  /** Deepest nesting of objects and arrays in an event; deeper events are skipped. Default 256. */
  maxDepth?: number;
  /** Bytes read from the file at a time, which is also about one batch of events. Default 1 MiB. */
  chunkBytes?: number;
  /** Counters to add this input's totals to. */
  stats?: ReadStats;
  /** Stream read for the path `-`. Default `process.stdin`. */
  stdin?: AsyncIterable<Uint8Array>;
}

export const DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 256;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/** Creates zeroed counters for `ReadOptions.stats`. */
export function createReadStats(): ReadStats {
  return { events: 0, skipped: 0, warnings: 0 };
}

/** The settings and reporting hooks a reader needs for one input. */
export interface ReadContext {
  /** The path as given, or `-` for standard input. */
  file: string;
  maxEventBytes: number;
  maxDepth: number;
  chunkBytes: number;
  stats: ReadStats;
  /**
   * Set when the input ended early (truncated gzip or a failed read) and that was reported,
   * so a reader drops an incomplete last event without a second warning.
   */
  cutShort: boolean;
  /** Reports a problem that left something out of the events. */
  skip(code: SourceWarningCode, message: string, position: Omit<EventPosition, 'file'>): void;
  /** Reports a problem that skipped nothing by itself. */
  warn(code: SourceWarningCode, message: string, position: Omit<EventPosition, 'file'>): void;
  /** Passes on a warning made by another reader (the EVTX reader), counting it as a warning only. */
  report(warning: SourceWarning): void;
}

/** Builds the context for reading `file` with `options`, filling in defaults. */
export function createReadContext(file: string, options: ReadOptions): ReadContext {
  const stats = options.stats ?? createReadStats();
  const onWarning = options.onWarning;
  const report = (warning: SourceWarning): void => {
    stats.warnings++;
    onWarning?.(warning);
  };
  const warn = (code: SourceWarningCode, message: string, position: Omit<EventPosition, 'file'>): void => {
    report({ code, message, position: { file, ...position } });
  };
  return {
    file,
    maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    stats,
    cutShort: false,
    warn,
    report,
    skip(code, message, position) {
      stats.skipped++;
      warn(code, message, position);
    },
  };
}
