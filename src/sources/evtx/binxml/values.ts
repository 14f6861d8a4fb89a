// Decoding of substitution and literal values into their JSON form (the Rust evtx crate's
// conventions) and their XML text form (as Windows shows it).
import type { ChunkContext } from '../chunk-context.ts';
import { EvtxFormatError } from '../errors.ts';
import { formatFiletime, formatGuid, formatHex64, formatSid, formatSystemtime, hexUpper } from '../format.ts';
import { TYPE_ANSI_STRING, TYPE_ARRAY, TYPE_BINARY, TYPE_BINXML, TYPE_BOOL, TYPE_EVT_HANDLE, TYPE_EVT_XML, TYPE_FILETIME, TYPE_GUID, TYPE_HEX_INT32, TYPE_HEX_INT64, TYPE_INT16, TYPE_INT32, TYPE_INT64, TYPE_INT8, TYPE_NULL, TYPE_REAL32, TYPE_REAL64, TYPE_SID, TYPE_SIZE_T, TYPE_STRING, TYPE_SYSTEMTIME, TYPE_UINT16, TYPE_UINT32, TYPE_UINT64, TYPE_UINT8, fixedSize } from './value-types.ts';

/** A decoded value: text, number (bigint beyond 2^53), boolean, null, or an array of those. */
export type JsonValue = string | number | bigint | boolean | null | JsonValue[];

const ansiDecoder = new TextDecoder('windows-1252');

/** Decodes one value of `valueType` stored in `size` bytes at `offset` into its JSON form. */
export function readJsonValue(context: ChunkContext, valueType: number, offset: number, size: number): JsonValue {
  if (valueType & TYPE_ARRAY) return readArray(context, valueType & ~TYPE_ARRAY, offset, size);
  const { bytes, view } = context;
  switch (valueType) {
    case TYPE_NULL:
      return null;
    case TYPE_STRING:
      return context.text.read(bytes, offset, size >>> 1, true);
    case TYPE_ANSI_STRING: {
      let end = offset;
      while (end < offset + size && bytes[end] !== 0) end++;
      return ansiDecoder.decode(bytes.subarray(offset, end));
    }
    case TYPE_BINARY:
    case TYPE_EVT_HANDLE:
    case TYPE_EVT_XML:
      return size === 0 ? null : hexUpper(bytes, offset, offset + size);
    case TYPE_SIZE_T:
      if (size === 4) return '0x' + view.getUint32(offset, true).toString(16);
      need(8, size, 'SizeT', offset);
      return formatHex64(view.getUint32(offset, true), view.getUint32(offset + 4, true));
    case TYPE_SID: {
      const sid = formatSid(bytes, view, offset, size);
      if (sid === undefined) throw new EvtxFormatError(`SID of ${size} bytes is invalid`, 'value.sid', offset);
      return sid;
    }
    case TYPE_BINXML:
      throw new EvtxFormatError('nested Binary XML where a plain value was expected', 'value.binxml', offset);
    default:
      need(fixedSize(valueType), size, `type 0x${valueType.toString(16)}`, offset);
      return readFixed(context, valueType, offset);
  }
}

/** Decodes a fixed-size value; the caller has checked that its bytes are present. */
function readFixed(context: ChunkContext, valueType: number, offset: number): JsonValue {
  const { bytes, view } = context;
  switch (valueType) {
    case TYPE_INT8:
      return view.getInt8(offset);
    case TYPE_UINT8:
      return bytes[offset]!;
    case TYPE_INT16:
      return view.getInt16(offset, true);
    case TYPE_UINT16:
      return view.getUint16(offset, true);
    case TYPE_INT32:
      return view.getInt32(offset, true);
    case TYPE_UINT32:
      return view.getUint32(offset, true);
    case TYPE_INT64: {
      const value = view.getInt32(offset + 4, true) * 4294967296 + view.getUint32(offset, true);
      return Number.isSafeInteger(value) ? value : view.getBigInt64(offset, true);
    }
    case TYPE_UINT64: {
      const value = view.getUint32(offset + 4, true) * 4294967296 + view.getUint32(offset, true);
      return Number.isSafeInteger(value) ? value : view.getBigUint64(offset, true);
    }
    case TYPE_REAL32:
      return view.getFloat32(offset, true);
    case TYPE_REAL64:
      return view.getFloat64(offset, true);
    case TYPE_BOOL:
      return view.getUint32(offset, true) !== 0;
    case TYPE_GUID:
      return formatGuid(bytes, offset);
    case TYPE_FILETIME:
      return formatFiletime(view.getUint32(offset, true), view.getUint32(offset + 4, true), 6);
    case TYPE_SYSTEMTIME:
      return formatSystemtime(view, offset, 6);
    case TYPE_HEX_INT32:
      return '0x' + view.getUint32(offset, true).toString(16);
    case TYPE_HEX_INT64:
      return formatHex64(view.getUint32(offset, true), view.getUint32(offset + 4, true));
    default:
      throw new EvtxFormatError(`unsupported value type 0x${valueType.toString(16)}`, 'value.type', offset);
  }
}

/**
 * Splits an array value into items: strings are NUL-terminated one after another, SIDs carry
 * their own length, and every other type has a fixed size.
 */
function readArray(context: ChunkContext, itemType: number, offset: number, size: number): JsonValue[] {
  const items: JsonValue[] = [];
  const end = offset + size;
  if (itemType === TYPE_STRING) {
    const { bytes } = context;
    let start = offset;
    for (let p = offset; p + 1 < end; p += 2) {
      if (bytes[p] === 0 && bytes[p + 1] === 0) {
        items.push(context.text.read(bytes, start, (p - start) >>> 1, false));
        start = p + 2;
      }
    }
    if (start + 1 < end) items.push(context.text.read(bytes, start, (end - start) >>> 1, true));
    return items;
  }
  if (itemType === TYPE_SID) {
    for (let p = offset; p + 8 <= end; ) {
      const itemSize = 8 + context.bytes[p + 1]! * 4;
      items.push(readJsonValue(context, itemType, p, Math.min(itemSize, end - p)));
      p += itemSize;
    }
    return items;
  }
  const itemSize = itemType === TYPE_SIZE_T ? 8 : fixedSize(itemType);
  if (itemSize === 0) return [readJsonValue(context, itemType, offset, size)];
  for (let p = offset; p + itemSize <= end; p += itemSize) items.push(readJsonValue(context, itemType, p, itemSize));
  return items;
}

/** Decodes a value into the text Windows shows in XML (7-digit times, GUIDs in braces). */
export function readXmlText(context: ChunkContext, valueType: number, offset: number, size: number): string {
  switch (valueType) {
    case TYPE_GUID:
      need(16, size, 'GUID', offset);
      return '{' + formatGuid(context.bytes, offset) + '}';
    case TYPE_FILETIME:
      need(8, size, 'FILETIME', offset);
      return formatFiletime(context.view.getUint32(offset, true), context.view.getUint32(offset + 4, true), 7);
    case TYPE_SYSTEMTIME:
      need(16, size, 'SYSTEMTIME', offset);
      return formatSystemtime(context.view, offset, 7);
    default:
      return jsonValueToText(readJsonValue(context, valueType, offset, size));
  }
}

/** Converts a decoded value to the text it contributes when joined with other text. */
export function jsonValueToText(value: JsonValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(jsonValueToText).join(',');
  return String(value);
}

function need(expected: number, size: number, what: string, offset: number): void {
  if (size < expected) throw new EvtxFormatError(`${what} value of ${size} bytes, ${expected} expected`, 'value.size', offset);
}
