import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The tab is static files the server serves beside its API (DESIGN.md section 4), so it is built
 * to `tab/dist/` with absolute asset URLs (`base: '/'`).
 *
 * @remarks JSX is compiled by Vite's own Oxc transform with React's automatic runtime, so no React
 * plugin is needed; in development `/api` goes to the local server (`npm start`, port 3978).
 */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One bundle for one page; its size is reported, not capped (Teams loads it once per session).
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Fluent UI marks its modules 'use client' for React Server Components; a client bundle has no use for it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // changeOrigin: the server's local mode answers only a Host of localhost on its own port (421 otherwise).
  server: { proxy: { '/api': { target: 'http://localhost:3978', changeOrigin: true } } },
});
