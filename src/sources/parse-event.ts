// Turns the JSON text of one event into an event object, keeping 64-bit integers exact.

import { parse as parseLossless } from 'lossless-json';
import type { EventObject, SourceWarningCode } from './types.ts';

/** Reason a piece of text did not become an event. */
export class ParseFailure {
  readonly code: SourceWarningCode;
  readonly message: string;

  constructor(code: SourceWarningCode, message: string) {
    this.code = code;
    this.message = message;
  }
}

const INTEGER = /^-?\d+$/;

/** Parses a JSON number: integers beyond the safe range become `bigint`, the rest `number`. */
export function parseExactNumber(text: string): number | bigint {
  if (INTEGER.test(text)) {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) return BigInt(text);
    return value;
  }
  return Number(text);
}

function keepLastDuplicate({ newValue }: { newValue: unknown }): unknown {
  return newValue;
}

/** Parses JSON text like JSON.parse, but with `parseExactNumber` for every number. */
export function parseJsonExact(text: string): unknown {
  return parseLossless(text, null, { parseNumber: parseExactNumber, onDuplicateKey: keepLastDuplicate });
}

/** Outcome of `inspectParsed`. */
export type ParsedShape = 'plain' | 'unsafe-number' | 'too-deep';

/**
 * Walks a value from JSON.parse once and reports whether it nests deeper than `maxDepth`
 * levels (the value itself is level 1), or else whether it contains a number beyond
 * Number.MAX_SAFE_INTEGER. Every integer literal beyond that range parses to such a number,
 * so `unsafe-number` is exactly when JSON.parse may have lost digits.
 */
export function inspectParsed(value: object, maxDepth: number): ParsedShape {
  unsafeNumberSeen = false;
  if (nestsTooDeep(value, maxDepth - 1)) return 'too-deep';
  return unsafeNumberSeen ? 'unsafe-number' : 'plain';
}

let unsafeNumberSeen = false;

/** Checks the children of `container`, which may nest `levelsLeft` more levels; notes unsafe numbers on the way. */
function nestsTooDeep(container: object, levelsLeft: number): boolean {
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) if (childTooDeep(container[i], levelsLeft)) return true;
    return false;
  }
  for (const key in container) if (childTooDeep((container as Record<string, unknown>)[key], levelsLeft)) return true;
  return false;
}

function childTooDeep(child: unknown, levelsLeft: number): boolean {
  if (typeof child === 'object') {
    if (child === null) return false;
    return levelsLeft === 0 || nestsTooDeep(child, levelsLeft - 1);
  }
  if (typeof child === 'number' && (child > Number.MAX_SAFE_INTEGER || child < -Number.MAX_SAFE_INTEGER)) {
    unsafeNumberSeen = true;
  }
  return false;
}

/** Names the JSON type of a parsed value for messages. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof value;
  }
}

/**
 * Parses the text of one event. Returns the event object, or a failure when the text
 * is not valid JSON, is not an object, or nests deeper than `maxDepth`.
 */
export function parseEventText(text: string, maxDepth: number): EventObject | ParseFailure {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return new ParseFailure('INVALID_JSON', `invalid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return new ParseFailure('NOT_AN_OBJECT', `expected a JSON object, found ${describeJsonValue(value)}`);
  }
  switch (inspectParsed(value, maxDepth)) {
    case 'plain':
      return value as EventObject;
    case 'unsafe-number':
      return parseJsonExact(text) as EventObject;
    case 'too-deep':
      return new ParseFailure('NESTING_TOO_DEEP', `event nests deeper than ${maxDepth} levels`);
  }
}
