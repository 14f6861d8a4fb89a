// Turns the JSON text of one event into an event object, keeping 64-bit integers exact.

import { parse as parseLossless } from 'lossless-json';
import type { EventObject, SourceWarningCode } from './types.ts';

/** Why a piece of text did not become an event. */
export class ParseFailure {
  readonly code: SourceWarningCode;
  readonly message: string;

  constructor(code: SourceWarningCode, message: string) {
    this.code = code;
    this.message = message;
  }
}

/**
 * A number of 16 or more digits right after `:`, `[` or `,`: the only place an integer
 * beyond Number.MAX_SAFE_INTEGER (16 digits) can sit. A string holding such text is a
 * harmless false positive that only takes the slower exact parse.
 */
const LONG_NUMBER = /[:[,]\s*-?\d{16}/;
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

/** Returns true when `value` holds objects or arrays nested deeper than `maxDepth` levels. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (maxDepth === 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestsDeeperThan(item, maxDepth - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (nestsDeeperThan((value as Record<string, unknown>)[key], maxDepth - 1)) return true;
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
 * `depthChecked` skips the nesting check when the caller already counted brackets.
 */
export function parseEventText(text: string, maxDepth: number, depthChecked: boolean): EventObject | ParseFailure {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return new ParseFailure('INVALID_JSON', `invalid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return new ParseFailure('NOT_AN_OBJECT', `expected a JSON object, found ${describeJsonValue(value)}`);
  }
  if (!depthChecked && nestsDeeperThan(value, maxDepth)) {
    return new ParseFailure('NESTING_TOO_DEEP', `event nests deeper than ${maxDepth} levels`);
  }
  if (LONG_NUMBER.test(text)) value = parseJsonExact(text);
  return value as EventObject;
}
