// The two ends between the parallel hunt and a task loop: a worker thread's MessagePort, or an
// in-process pair for the loop on the calling thread, which passes messages without copying.
import type { MessagePort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** The task loop's end. */
export interface TaskPort {
  send(message: FromWorker): void;
  /** Registers the receivers of messages and of the other end closing. */
  listen(onMessage: (message: ToWorker) => void, onClose: () => void): void;
  close(): void;
}

/** The parallel hunt's end of the in-process pair. */
export interface LocalEnd {
  post(message: ToWorker): void;
  listen(onMessage: (message: FromWorker) => void): void;
  close(): void;
}

/** Wraps a worker's parentPort (or a MessageChannel port). Messages are copied by structured cloning. */
export function messagePortTasks(port: MessagePort): TaskPort {
  return {
    send: (message) => port.postMessage(message),
    listen: (onMessage, onClose) => {
      port.on('message', onMessage);
      port.on('close', onClose);
    },
    close: () => port.close(),
  };
}

/**
 * Creates the in-process pair. Messages are delivered as microtasks, in order, and are not
 * copied, so the receiver must not change them.
 */
export function localTaskPorts(): { hunt: LocalEnd; loop: TaskPort } {
  let toLoop: ((message: ToWorker) => void) | undefined;
  let loopClosed: (() => void) | undefined;
  let toHunt: ((message: FromWorker) => void) | undefined;
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    queueMicrotask(() => loopClosed?.());
  };
  return {
    hunt: {
      post: (message) => open && queueMicrotask(() => toLoop?.(message)),
      listen: (onMessage) => (toHunt = onMessage),
      close,
    },
    loop: {
      send: (message) => open && queueMicrotask(() => toHunt?.(message)),
      listen: (onMessage, onClose) => {
        toLoop = onMessage;
        loopClosed = onClose;
      },
      close,
    },
  };
}
