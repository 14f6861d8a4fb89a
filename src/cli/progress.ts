// A one-line progress display on stderr, shown only when stderr is a terminal.

/** Redraws at most a few times per second; silent when stderr is not a TTY. */
export class Progress {
  private readonly enabled: boolean;
  private lastDraw = 0;
  private shown = false;

  constructor(enabled = process.stderr.isTTY === true) {
    this.enabled = enabled;
  }

  update(text: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 200) return;
    this.lastDraw = now;
    const width = (process.stderr.columns ?? 80) - 1;
    process.stderr.write(`\r${text.slice(0, width).padEnd(width)}`);
    this.shown = true;
  }

  /** Clears the line so that other messages start at column 0. */
  clear(): void {
    if (!this.shown) return;
    process.stderr.write(`\r${' '.repeat((process.stderr.columns ?? 80) - 1)}\r`);
    this.shown = false;
  }
}
