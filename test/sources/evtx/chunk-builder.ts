// Builds small EVTX chunks byte by byte, so tests can exercise every Binary XML token and
// value type, and hostile structures that real files do not contain.
import { CHUNK_SIZE, computeHeaderChecksum, computeRecordsChecksum } from '../../../src/sources/evtx/chunk-header.ts';

export interface Value {
  type: number;
  data: ArrayLike<number> | ((w: Writer) => void);
}

/** Writes little-endian values at chunk-relative positions. */
export class Writer {
  readonly bytes = new Uint8Array(CHUNK_SIZE);
  readonly view = new DataView(this.bytes.buffer);
  pos = 512;
  /** Inside a template definition, element headers carry a dependency id. */
  inTemplate = false;

  u8(value: number): this {
    this.view.setUint8(this.pos, value);
    this.pos += 1;
    return this;
  }
  u16(value: number): this {
    this.view.setUint16(this.pos, value, true);
    this.pos += 2;
    return this;
  }
  u32(value: number): this {
    this.view.setUint32(this.pos, value, true);
    this.pos += 4;
    return this;
  }
  raw(data: ArrayLike<number>): this {
    this.bytes.set(data, this.pos);
    this.pos += data.length;
    return this;
  }
  utf16(text: string): this {
    for (let i = 0; i < text.length; i++) this.u16(text.charCodeAt(i));
    return this;
  }
  /** Writes a name stored right here: its offset is the position of the structure that follows. */
  name(text: string): this {
    this.u32(this.pos + 4);
    return this.u32(0).u16(0).u16(text.length).utf16(text).u16(0);
  }
  fragmentHeader(): this {
    return this.raw([0x0f, 1, 1, 0]);
  }
  open(name: string, hasAttributes = false): this {
    this.u8(hasAttributes ? 0x41 : 0x01);
    if (this.inTemplate) this.u16(0xffff);
    this.u32(0).name(name);
    return hasAttributes ? this.u32(0) : this;
  }
  attribute(name: string): this {
    return this.u8(0x06).name(name);
  }
  closeStart(): this {
    return this.u8(0x02);
  }
  closeEmpty(): this {
    return this.u8(0x03);
  }
  end(): this {
    return this.u8(0x04);
  }
  endOfStream(): this {
    return this.u8(0x00);
  }
  text(text: string): this {
    return this.u8(0x05).u8(0x01).u16(text.length).utf16(text);
  }
  substitution(index: number, valueType: number, optional = false): this {
    return this.u8(optional ? 0x0e : 0x0d).u16(index).u8(valueType);
  }
  /** `<name>text</name>` */
  leaf(name: string, text: string): this {
    return this.open(name).closeStart().text(text).end();
  }
  /**
   * Writes a template instance whose definition follows inline; `body` writes the definition's
   * fragment. Returns the definition offset.
   */
  templateInstance(body: (w: this) => void, values: Value[]): number {
    this.u8(0x0c).u8(1).u32(0x1234);
    const definition = this.pos + 4;
    this.u32(definition).u32(0).raw(new Array(16).fill(0xab));
    const sizeAt = this.pos;
    this.u32(0);
    const start = this.pos;
    this.inTemplate = true;
    body(this);
    this.inTemplate = false;
    this.view.setUint32(sizeAt, this.pos - start, true);
    this.substitutionValues(values);
    return definition;
  }
  /** Writes a template instance that refers to a definition elsewhere. */
  templateReference(definition: number, values: Value[]): this {
    this.u8(0x0c).u8(1).u32(0x1234).u32(definition);
    return this.substitutionValues(values);
  }
  /** The value count, descriptors and values; a value given as a callback is written in place (for nested Binary XML). */
  substitutionValues(values: Value[]): this {
    this.u32(values.length);
    const sizeAt: number[] = [];
    for (const value of values) {
      sizeAt.push(this.pos);
      this.u16(0).u8(value.type).u8(0);
    }
    values.forEach((value, i) => {
      const start = this.pos;
      if (typeof value.data === 'function') value.data(this);
      else this.raw(value.data);
      this.view.setUint16(sizeAt[i]!, this.pos - start, true);
    });
    return this;
  }
}

/** Builds a chunk of records; each record's Binary XML is written by a callback. */
export class ChunkBuilder {
  readonly w = new Writer();
  private first = 0;
  private last = 0;
  private lastOffset = 512;

  record(id: number, body: (w: Writer) => void): this {
    const w = this.w;
    const start = w.pos;
    w.u32(0x00002a2a).u32(0).u32(id).u32(0).u32(0x5a8e8000).u32(0x01d58b30);
    body(w);
    while ((w.pos - start + 4) % 8 !== 0) w.u8(0);
    const size = w.pos - start + 4;
    w.u32(size);
    w.view.setUint32(start + 4, size, true);
    if (this.first === 0) this.first = id;
    this.last = id;
    this.lastOffset = start;
    return this;
  }

  finish(): Uint8Array {
    const { bytes, view } = this.w;
    bytes.set([0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00]);
    view.setBigUint64(8, BigInt(this.first), true);
    view.setBigUint64(16, BigInt(this.last), true);
    view.setBigUint64(24, BigInt(this.first), true);
    view.setBigUint64(32, BigInt(this.last), true);
    view.setUint32(40, 128, true);
    view.setUint32(44, this.lastOffset, true);
    view.setUint32(48, this.w.pos, true);
    view.setUint32(52, computeRecordsChecksum(bytes, this.w.pos), true);
    view.setUint32(124, computeHeaderChecksum(bytes), true);
    return bytes;
  }
}

export function le(size: number, value: number | bigint): number[] {
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  if (size === 8) view.setBigUint64(0, BigInt(value), true);
  else if (size === 4) view.setUint32(0, Number(value), true);
  else if (size === 2) view.setUint16(0, Number(value), true);
  else view.setUint8(0, Number(value));
  return [...bytes];
}

export function utf16Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return bytes;
}
