import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { serveDataPlugin } from './scripts/vite-serve-data';

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };

// Main and preload are CommonJS on purpose: a sandboxed preload cannot be an ES module.
export default defineConfig({
  main: {
    build: { rollupOptions: { input: resolve(__dirname, 'src/main/index.ts') } },
  },
  preload: {
    build: { rollupOptions: { input: resolve(__dirname, 'src/preload/index.ts') } },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // The renderer is loaded from outu://app/ in Electron and from any folder in the browser,
    // so every asset URL must be relative.
    base: './',
    define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
    plugins: [react(), serveDataPlugin(resolve(__dirname, 'data/geo'))],
    build: {
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
      chunkSizeWarningLimit: 1500,
    },
    worker: { format: 'es' },
  },
});
