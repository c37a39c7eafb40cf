import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/shell/index.ts') } },
    },
  },
  preload: {
    // Sandboxed preloads cannot `require` siblings: emit one CommonJS bundle.
    build: {
      // …and cannot require packages either (only `electron`): bundle zod in too.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // Copied as is beside index.html: the favicon browsers ask for at /favicon.ico.
    publicDir: resolve('resources/web'),
    plugins: [react()],
    // The spellcheck worker is an ES module like the page (same origin, allowed by script-src 'self').
    worker: { format: 'es' },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
