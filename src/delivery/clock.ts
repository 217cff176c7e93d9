import { DeliveryAbortedError } from './errors.js';

/**
 * The time source of the delivery engine. Two kinds of waiting are kept apart on purpose:
 *
 * - `sleep(ms)` is the gap between attempts (1 min ... 12 h). A virtual clock skips it.
 * - `timeout(ms)` bounds one request that is in flight (Wix's 1250 ms). It must let real work
 *   finish, so even the virtual clock waits real time for it (see {@link createVirtualClock}).
 *
 * `hold()` marks a request in flight: a virtual clock does not move while any hold is open, so
 * the clock time of every attempt is exact whatever the network takes.
 */
export interface Clock {
  /** Milliseconds since the epoch (real) or since the virtual start. */
  now(): number;
  /** Resolves after `ms` of clock time; rejects with {@link DeliveryAbortedError} when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Resolves when a request that started now has run `ms` without answering; rejects when `signal` aborts. */
  timeout(ms: number, signal?: AbortSignal): Promise<void>;
  /** Marks work in flight; call the returned function once when it ends. */
  hold(): () => void;
}

function aborted(signal: AbortSignal): DeliveryAbortedError {
  // An engine's own reason is reused as it is: cancelling a wait creates no Error.
  return signal.reason instanceof DeliveryAbortedError ? signal.reason : new DeliveryAbortedError(signal.reason);
}

function realWait(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(aborted(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The wall clock: `Date.now()`, `setTimeout`. The default of `deliver` and of the CLI.
 *
 * @example
 * const report = await deliver(jwt, 'http://localhost:3000/webhooks', { clock: realClock });
 */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: realWait,
  timeout: realWait,
  hold: () => () => {},
};

export interface VirtualClockOptions {
  /**
   * Real milliseconds to wait for an in-flight request before calling it timed out, whatever
   * the clock-time timeout is. Default: the clock-time timeout itself (1250 ms for Wix), so a
   * receiver is judged exactly as Wix judges it. Tests may shorten it (say 200 ms) when their
   * "fast" receivers answer in a few milliseconds.
   */
  realTimeoutMs?: number;
}

/** A virtual clock; `advance` and `pending` are for tests that drive time by hand. */
export interface VirtualClock extends Clock {
  /** Number of sleeps waiting. */
  pending(): number;
  /** Moves time forward by `ms`, waking every sleep due by then, in order. */
  advance(ms: number): void;
}

interface Timer {
  due: number;
  order: number;
  resolve: () => void;
}

/**
 * A clock whose sleeps take no real time, so a 37-hour Wix resend schedule runs in
 * milliseconds, deterministically.
 *
 * How it moves: sleeps wait in a queue ordered by due time. Whenever no hold is open (no request
 * in flight) and the process has gone idle (a `setImmediate` turn after the microtasks settle),
 * time jumps to the earliest due sleep and wakes it; then again, until the queue is empty.
 * Concurrent sleepers therefore wake at their exact due times, in order.
 *
 * Timeouts: a request in flight holds the clock, so clock time stands still while it runs; a
 * receiver answering in time is recorded at the attempt's start time. `timeout(ms)` waits real
 * time (`realTimeoutMs`, default `ms`) because only real time tells whether a real server or a
 * handler answers; the engine then records the failure at exactly `start + ms` clock time.
 * An in-process handler that awaits this clock's `sleep` while its own request holds the clock
 * never wakes before the timeout: it is slow, as it should be.
 *
 * @example
 * const clock = createVirtualClock();
 * const report = await deliver(jwt, handler, { clock });
 * report.attempts.map((attempt) => attempt.at); // [0, 60_000, 660_000, ...]
 */
export function createVirtualClock(start = 0, options: VirtualClockOptions = {}): VirtualClock {
  let current = start;
  let holds = 0;
  let order = 0;
  let scheduled = false;
  const timers: Timer[] = [];

  const insert = (timer: Timer) => {
    let index = timers.length;
    while (index > 0 && (timers[index - 1]!.due > timer.due || (timers[index - 1]!.due === timer.due && timers[index - 1]!.order > timer.order))) index--;
    timers.splice(index, 0, timer);
  };

  const schedule = () => {
    if (scheduled || holds > 0 || timers.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (holds > 0 || timers.length === 0) return;
      const timer = timers.shift()!;
      current = Math.max(current, timer.due);
      timer.resolve();
      schedule();
    });
  };

  const wake = (until: number) => {
    while (timers.length > 0 && timers[0]!.due <= until) {
      const timer = timers.shift()!;
      current = Math.max(current, timer.due);
      timer.resolve();
    }
    current = Math.max(current, until);
  };

  return {
    now: () => current,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(aborted(signal));
      return new Promise<void>((resolve, reject) => {
        const timer: Timer = {
          due: current + Math.max(0, ms),
          order: order++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(aborted(signal!));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        insert(timer);
        schedule();
      });
    },
    timeout: (ms, signal) => realWait(options.realTimeoutMs ?? ms, signal),
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        schedule();
      };
    },
    pending: () => timers.length,
    advance: (ms) => wake(current + ms),
  };
}
