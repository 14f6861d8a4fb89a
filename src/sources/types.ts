// Types shared by every reader in sources/: an event with the place it was read from.

/**
 * A decoded event: a plain object as parsed from JSON or produced by the EVTX reader.
 * Integers beyond Number.MAX_SAFE_INTEGER are `bigint` so that no digit is lost.
 */
export type EventObject = Record<string, unknown>;

/** Where an event or a problem was found. Fields that do not apply to a format stay undefined. */
export interface EventPosition {
  file: string;
  /** 1-based line where the event starts (JSON inputs). */
  line?: number;
  /** 0-based position of the event in a JSON array or object stream. */
  index?: number;
  /** EVTX record id from the record header. */
  record?: number;
  /** 0-based EVTX chunk number. */
  chunk?: number;
  /** Byte offset in the (decompressed) input. */
  offset?: number;
}

export interface SourceEvent {
  event: EventObject;
  position: EventPosition;
}

export type SourceWarningCode =
  | 'INVALID_JSON'
  | 'NOT_AN_OBJECT'
  | 'LINE_TOO_LONG'
  | 'NESTING_TOO_DEEP'
  | 'TRUNCATED_GZIP'
  | 'UNKNOWN_FORMAT'
  | 'READ_FAILED'
  | 'EVTX_FILE_HEADER'
  | 'EVTX_CHUNK_HEADER'
  | 'EVTX_CHUNK_CHECKSUM'
  | 'EVTX_RECORD'
  | 'EVTX_TEMPLATE'
  | 'EVTX_TRUNCATED'
  | 'EVTX_STRING';

/** A problem in the input that was reported and skipped; reading went on after it. */
export interface SourceWarning {
  code: SourceWarningCode;
  message: string;
  position: EventPosition;
}

/** Receives warnings while a reader keeps going. */
export type WarningSink = (warning: SourceWarning) => void;
