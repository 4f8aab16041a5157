import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBusyStore, errorReason, type BusyJob } from './busy-store';

/** A task that waits until the test lets it finish, or until it is cancelled. */
function controllable<T>() {
  let finish!: (value: T) => void;
  let fail!: (error: unknown) => void;
  let job!: BusyJob;
  const task = (given: BusyJob) =>
    new Promise<T>((resolve, reject) => {
      job = given;
      finish = resolve;
      fail = reject;
      given.signal.addEventListener('abort', () => reject(new DOMException('Export cancelled', 'AbortError')));
    });
  return { task, finish: (value: T) => finish(value), fail: (error: unknown) => fail(error), job: () => job };
}

afterEach(() => vi.restoreAllMocks());

describe('busy store', () => {
  it('is busy with the named action while it runs, then idle with the done notice', async () => {
    const store = createBusyStore<'export' | 'import'>();
    const step = controllable<string>();
    const outcome = store.getState().run('export', step.task, { done: (path) => `saved ${path}` });
    expect(store.getState().action).toBe('export');
    step.finish('/tmp/a.csv');
    expect(await outcome).toEqual({ kind: 'done', value: '/tmp/a.csv' });
    expect(store.getState()).toMatchObject({
      action: null,
      progress: null,
      notice: { kind: 'ok', text: 'saved /tmp/a.csv' },
    });
  });

  it('shows no notice when the done message is null (e.g. the save dialog was dismissed)', async () => {
    const store = createBusyStore<'export'>();
    await store.getState().run('export', async () => null, { done: (path) => (path ? `saved ${path}` : null) });
    expect(store.getState().notice).toBeNull();
  });

  it('turns a failure into an error notice in the caller’s words, and logs it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = createBusyStore<'export'>();
    const outcome = await store.getState().run(
      'export',
      async () => {
        throw new Error('disk full');
      },
      { failed: (error) => `failed: ${errorReason(error)}` },
    );
    expect(outcome).toMatchObject({ kind: 'failed', error: new Error('disk full') });
    expect(store.getState()).toMatchObject({ action: null, notice: { kind: 'error', text: 'failed: disk full' } });
    expect(logged).toHaveBeenCalledOnce();
  });

  it('cancels through the signal and treats the AbortError as a cancel, not a failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = createBusyStore<'atlas'>();
    const step = controllable<void>();
    const outcome = store.getState().run('atlas', step.task, { cancelled: 'cancelled', failed: () => 'failed' });
    store.getState().cancel();
    expect(step.job().signal.aborted).toBe(true);
    expect(await outcome).toEqual({ kind: 'cancelled' });
    expect(store.getState()).toMatchObject({ action: null, notice: { kind: 'ok', text: 'cancelled' } });
    expect(logged).not.toHaveBeenCalled();
  });

  it('reports progress while running and forgets it afterwards; a finished job cannot report', async () => {
    const store = createBusyStore<'atlas'>();
    const step = controllable<void>();
    const outcome = store.getState().run('atlas', step.task);
    expect(store.getState().progress).toBeNull();
    step.job().progress(3, 14);
    expect(store.getState().progress).toEqual({ done: 3, total: 14 });
    step.finish();
    await outcome;
    step.job().progress(14, 14);
    expect(store.getState().progress).toBeNull();
  });

  it('refuses a second action while one runs, and clears the last notice when the next starts', async () => {
    const store = createBusyStore<'export' | 'import'>();
    await store.getState().run('export', async () => 'x', { done: () => 'first' });
    expect(store.getState().notice?.text).toBe('first');
    const step = controllable<void>();
    const first = store.getState().run('import', step.task);
    expect(store.getState().notice).toBeNull();
    const other = vi.fn(async () => undefined);
    expect(await store.getState().run('export', other)).toEqual({ kind: 'refused' });
    expect(other).not.toHaveBeenCalled();
    expect(store.getState().action).toBe('import');
    step.finish();
    await first;
    expect(store.getState().action).toBeNull();
  });

  it('does nothing on cancel when idle', () => {
    const store = createBusyStore<'export'>();
    expect(() => store.getState().cancel()).not.toThrow();
    expect(store.getState().action).toBeNull();
  });

  it('words errors that are not Error objects', () => {
    expect(errorReason('plain')).toBe('plain');
    expect(errorReason(new RangeError('bad'))).toBe('bad');
  });
});
