// Binary XML value types (MS-EVEN6 section 2.2.18). Bit 0x80 marks an array of the base type.

export const TYPE_NULL = 0x00;
export const TYPE_STRING = 0x01;
export const TYPE_ANSI_STRING = 0x02;
export const TYPE_INT8 = 0x03;
export const TYPE_UINT8 = 0x04;
export const TYPE_INT16 = 0x05;
export const TYPE_UINT16 = 0x06;
export const TYPE_INT32 = 0x07;
export const TYPE_UINT32 = 0x08;
export const TYPE_INT64 = 0x09;
export const TYPE_UINT64 = 0x0a;
export const TYPE_REAL32 = 0x0b;
export const TYPE_REAL64 = 0x0c;
export const TYPE_BOOL = 0x0d;
export const TYPE_BINARY = 0x0e;
export const TYPE_GUID = 0x0f;
export const TYPE_SIZE_T = 0x10;
export const TYPE_FILETIME = 0x11;
export const TYPE_SYSTEMTIME = 0x12;
export const TYPE_SID = 0x13;
export const TYPE_HEX_INT32 = 0x14;
export const TYPE_HEX_INT64 = 0x15;
export const TYPE_EVT_HANDLE = 0x20;
export const TYPE_BINXML = 0x21;
export const TYPE_EVT_XML = 0x23;
export const TYPE_ARRAY = 0x80;

/** Byte size of each fixed-size type; 0 for variable-size types. Indexed by type. */
const FIXED_SIZES: Record<number, number> = {
  [TYPE_INT8]: 1,
  [TYPE_UINT8]: 1,
  [TYPE_INT16]: 2,
  [TYPE_UINT16]: 2,
  [TYPE_INT32]: 4,
  [TYPE_UINT32]: 4,
  [TYPE_INT64]: 8,
  [TYPE_UINT64]: 8,
  [TYPE_REAL32]: 4,
  [TYPE_REAL64]: 8,
  [TYPE_BOOL]: 4,
  [TYPE_GUID]: 16,
  [TYPE_FILETIME]: 8,
  [TYPE_SYSTEMTIME]: 16,
  [TYPE_HEX_INT32]: 4,
  [TYPE_HEX_INT64]: 8,
};

/** Returns the size of a fixed-size type, or 0 when the size is carried by the data. */
export function fixedSize(valueType: number): number {
  return FIXED_SIZES[valueType] ?? 0;
}

/** True for the type codes the format defines. */
export function isKnownType(valueType: number): boolean {
  const base = valueType & ~TYPE_ARRAY;
  if (valueType & TYPE_ARRAY) return base >= TYPE_STRING && base <= TYPE_HEX_INT64;
  return base <= TYPE_HEX_INT64 || base === TYPE_EVT_HANDLE || base === TYPE_BINXML || base === TYPE_EVT_XML;
}
