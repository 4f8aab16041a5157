/// <reference types="vite/client" />
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { OutuApi } from '../../shared/ipc';

declare global {
  interface Window {
    /** The preload API; absent when the renderer runs in a plain browser. */
    outu?: OutuApi;
    /** The live map, for end-to-end tests and the devtools console. */
    __outuMap?: MaplibreMap;
    /** The right-hand map of a scenario comparison, while one is open. */
    __outuSplitMap?: MaplibreMap;
  }

  interface ImportMetaEnv {
    readonly VITE_APP_VERSION?: string;
  }
}
