// Bounds the calls in flight toward the controller. Past its knee the gateway
// used to take every call at once, so each got slower, memory grew with the
// answers held, and throughput fell. Now a few calls run, a short queue waits
// briefly, and the rest are answered at once with Unavailable, which the
// portal retries: fast errors instead of slow answers for everyone.
import { Code, ConnectError } from "@connectrpc/connect";

export interface CallLimitOptions {
  /** Calls running toward the controller at once. */
  maxInFlight: number;
  /** Calls waiting for a free place; beyond it a call is refused at once. */
  maxQueued: number;
  /** Longest wait in the queue before a call is refused. */
  maxQueueWaitMs: number;
}

export interface CallLimit {
  /** Runs `call` when a place is free; fails with Unavailable when none frees in time, or as `signal` aborts. */
  run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly inFlight: number;
  readonly queued: number;
}

export function atCapacity(inFlight: number, why: string): ConnectError {
  return new ConnectError(`the gateway is at capacity (${inFlight} calls in flight toward the controller, ${why}); try again shortly`, Code.Unavailable);
}

export function createCallLimit(options: CallLimitOptions): CallLimit {
  const { maxInFlight, maxQueued, maxQueueWaitMs } = options;
  let inFlight = 0;
  // Each waiter is woken with a place already taken for it.
  const queue: (() => void)[] = [];

  function release(): void {
    const next = queue.shift();
    if (next === undefined) inFlight -= 1;
    else next();
  }

  function place(signal: AbortSignal | undefined): Promise<void> {
    if (inFlight < maxInFlight) {
      inFlight += 1;
      return Promise.resolve();
    }
    if (queue.length >= maxQueued) return Promise.reject(atCapacity(inFlight, `${queue.length} waiting`));
    return new Promise<void>((resolve, reject) => {
      const leave = (err: ConnectError): void => {
        const at = queue.indexOf(wake);
        if (at >= 0) queue.splice(at, 1);
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        reject(err);
      };
      const wake = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      // The caller hung up or its deadline passed while waiting: its own reason (Canceled, DeadlineExceeded).
      const onAbort = (): void => leave(ConnectError.from(signal?.reason ?? "the call was canceled", Code.Canceled));
      const timer = setTimeout(() => leave(atCapacity(inFlight, `no place freed within ${maxQueueWaitMs} ms`)), maxQueueWaitMs);
      signal?.addEventListener("abort", onAbort, { once: true });
      queue.push(wake);
    });
  }

  return {
    async run(call, signal) {
      await place(signal);
      try {
        return await call();
      } finally {
        release();
      }
    },
    get inFlight() {
      return inFlight;
    },
    get queued() {
      return queue.length;
    },
  };
}
