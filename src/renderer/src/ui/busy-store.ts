import { createStore, type StoreApi } from 'zustand/vanilla';

/** What a long action is handed: a signal telling it to stop, and a way to report how far it got. */
export interface BusyJob {
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

export interface BusyProgress {
  done: number;
  total: number;
}

export type BusyOutcome<T> =
  | { kind: 'done'; value: T }
  /** The action stopped with an AbortError: the user cancelled, nothing is reported as failed. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown }
  /** Another action was still running, so this one never started. */
  | { kind: 'refused' };

/** A line for the user after an action; the caller translates it. */
export interface BusyNotice {
  kind: 'ok' | 'error';
  text: string;
}

/** How an action's outcome reads, in the caller's words; an absent entry (or null) shows nothing. */
export interface BusyNotices<T> {
  done?: (value: T) => string | null;
  cancelled?: string;
  failed?: (error: unknown) => string;
}

export interface BusyState<A extends string> {
  /** The running action's name; null when idle. */
  action: A | null;
  /** The running action's last reported progress; null until it reports. */
  progress: BusyProgress | null;
  /** What the last action came to, for the user; cleared when the next one starts. */
  notice: BusyNotice | null;
  /** Runs `task` unless another action is running; never throws (a failure is an outcome). */
  run<T>(action: A, task: (job: BusyJob) => Promise<T>, notices?: BusyNotices<T>): Promise<BusyOutcome<T>>;
  /** Asks the running action to stop (through its signal); it decides when it can. */
  cancel(): void;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** The part of an error a user can read in a message. */
export function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function noticeFor<T>(outcome: BusyOutcome<T>, notices: BusyNotices<T>): BusyNotice | null {
  switch (outcome.kind) {
    case 'done': {
      const text = notices.done?.(outcome.value) ?? null;
      return text === null ? null : { kind: 'ok', text };
    }
    case 'cancelled':
      return notices.cancelled === undefined ? null : { kind: 'ok', text: notices.cancelled };
    case 'failed':
      return notices.failed ? { kind: 'error', text: notices.failed(outcome.error) } : null;
    case 'refused':
      return null;
    default: {
      const unknown: never = outcome;
      throw new Error(`busy store: unknown outcome ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * One long action at a time (an export, a package import, an atlas) with its busy state, progress,
 * cancel and outcome: the runner each such section used to write for itself. Buttons disable while
 * `action` is set; a second run meanwhile is refused rather than interleaved.
 */
export function createBusyStore<A extends string>(): StoreApi<BusyState<A>> {
  let running: AbortController | null = null;
  return createStore<BusyState<A>>()((set, get) => ({
    action: null,
    progress: null,
    notice: null,

    async run<T>(action: A, task: (job: BusyJob) => Promise<T>, notices: BusyNotices<T> = {}) {
      if (get().action !== null) return { kind: 'refused' };
      const controller = new AbortController();
      running = controller;
      set({ action, progress: null, notice: null });
      const job: BusyJob = {
        signal: controller.signal,
        progress: (done, total) => {
          if (running === controller) set({ progress: { done, total } });
        },
      };
      let outcome: BusyOutcome<T>;
      try {
        outcome = { kind: 'done', value: await task(job) };
      } catch (error) {
        if (isAbortError(error)) outcome = { kind: 'cancelled' };
        else {
          console.error(error);
          outcome = { kind: 'failed', error };
        }
      }
      running = null;
      set({ action: null, progress: null, notice: noticeFor(outcome, notices) });
      return outcome;
    },

    cancel() {
      running?.abort();
    },
  }));
}
