import { useState } from 'react';
import { useStore } from 'zustand';
import { createBusyStore, type BusyState } from './busy-store';

/** A busy runner of the component's own (see busy-store.ts), re-rendering it as the action runs. */
export function useBusyAction<A extends string>(): BusyState<A> {
  const [store] = useState(() => createBusyStore<A>());
  return useStore(store);
}
