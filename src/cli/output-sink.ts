// Buffered text output to stdout or a file, with backpressure.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Collects text and writes it in large pieces; `flush` waits while the stream's buffer is full. */
export class OutputSink {
  private readonly stream: Writable;
  private readonly ownsStream: boolean;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(path?: string) {
    this.stream = path ? createWriteStream(path) : process.stdout;
    this.ownsStream = path !== undefined;
  }

  write(text: string): void {
    if (text === '') return;
    this.pending.push(text);
    this.pendingLength += text.length;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Writes anything pending once it grows large; called often. */
  async flushIfLarge(): Promise<void> {
    if (this.pendingLength > 1 << 20) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.ownsStream) {
      this.stream.end();
      await once(this.stream, 'finish');
    }
  }
}
