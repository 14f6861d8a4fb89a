// State shared by everything decoded from one chunk: its bytes, and the caches of names and
// template definitions, which Binary XML refers to by chunk-relative offset. A chunk never
// refers to another chunk, so each chunk can be decoded on its own (and on its own thread).
import { EvtxFormatError } from './errors.ts';
import type { Template } from './binxml/model.ts';
import { Utf16Reader } from './utf16.ts';

export class ChunkContext {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly text = new Utf16Reader();
  private readonly names = new Map<number, string>();
  readonly templates = new Map<number, Template | EvtxFormatError>();
  /** Offsets of template definitions being parsed, to detect a template that contains itself. */
  readonly templatesInProgress = new Set<number>();

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Returns the name stored at a chunk offset: next-name offset (4 bytes), hash (2),
   * character count (2), the UTF-16 characters and a NUL.
   */
  name(offset: number): string {
    const cached = this.names.get(offset);
    if (cached !== undefined) return cached;
    if (offset + 8 > this.bytes.length) {
      throw new EvtxFormatError('name offset outside the chunk', 'name.offset', offset);
    }
    const count = this.view.getUint16(offset + 6, true);
    if (offset + 8 + count * 2 > this.bytes.length) {
      throw new EvtxFormatError(`name of ${count} characters runs past the chunk`, 'name.characters', offset);
    }
    const name = this.text.read(this.bytes, offset + 8, count, false);
    this.names.set(offset, name);
    return name;
  }

  /** Byte length of the name structure at `offset` (for names stored inline). */
  nameSize(offset: number): number {
    return 8 + this.view.getUint16(offset + 6, true) * 2 + 2;
  }
}
