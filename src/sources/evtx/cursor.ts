// A bounds-checked little-endian reader over a byte range. Every read names the field it
// reads, so a failure says which field ran past the end and where.
import { EvtxFormatError } from './errors.ts';

export class ByteCursor {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** Current read position, relative to the start of `bytes`. */
  pos: number;
  /** Reads must stay below this position. */
  end: number;

  constructor(bytes: Uint8Array, view: DataView, pos: number, end: number) {
    this.bytes = bytes;
    this.view = view;
    this.pos = pos;
    this.end = end;
  }

  /** Throws unless `size` more bytes can be read. */
  need(size: number, label: string): void {
    if (size < 0 || this.pos + size > this.end) {
      throw new EvtxFormatError(
        `unexpected end of data: ${size} bytes needed, ${Math.max(0, this.end - this.pos)} left`,
        label,
        this.pos,
      );
    }
  }

  u8(label: string): number {
    if (this.pos + 1 > this.end) this.need(1, label);
    return this.bytes[this.pos++]!;
  }

  u16(label: string): number {
    if (this.pos + 2 > this.end) this.need(2, label);
    const value = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return value;
  }

  u32(label: string): number {
    if (this.pos + 4 > this.end) this.need(4, label);
    const value = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return value;
  }

  skip(size: number, label: string): void {
    this.need(size, label);
    this.pos += size;
  }

  /** Looks at the next byte without consuming it; -1 at the end. */
  peek(): number {
    return this.pos < this.end ? this.bytes[this.pos]! : -1;
  }
}
