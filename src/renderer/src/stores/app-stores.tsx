import { createContext, useContext, type ReactNode } from 'react';
import type { AppStores } from './create-app-stores';

export type { AppStores } from './create-app-stores';

const AppStoresContext = createContext<AppStores | null>(null);

/**
 * Hands the stores (created once at start, in main.tsx) to every component. The stores themselves
 * never change, so this context never re-renders anything: components subscribe with useStore.
 */
export function AppStoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <AppStoresContext.Provider value={stores}>{children}</AppStoresContext.Provider>;
}

export function useAppStores(): AppStores {
  const stores = useContext(AppStoresContext);
  if (!stores) throw new Error('useAppStores outside AppStoresProvider');
  return stores;
}
