/**
 * Vite build of the workbench page (`npm run build:web`): root src/web, output dist/web, and
 * base './' so the static site works from any file server and any sub-path (no back end needed;
 * `superatom serve` serves the same files and adds the JSON API).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: './',
  // no inline scripts or styles survive the build, so the page runs under a strict CSP
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // 3Dmol.js is one ~540 kB chunk, loaded lazily on first use of the structure viewer
    chunkSizeWarningLimit: 700,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      onwarn(warning, warn) {
        // 3Dmol.js evals callbacks given as strings; the page only passes functions (CSP-safe)
        if (warning.code === 'EVAL' && (warning.id ?? '').includes('3dmol')) return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  logLevel: 'warn',
});
