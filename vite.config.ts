import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the dev and preview servers send API calls (override to point at another server). */
const api = process.env.TRELLIS_API_URL ?? 'http://127.0.0.1:3000';

/** The web app lives in `web/` and builds to `dist/web`, which the server serves in production. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  // postcss.config.cjs sits at the repo root, above Vite's root.
  css: { postcss: fileURLToPath(new URL('.', import.meta.url)) },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': api, '/healthz': api, '/ims': api },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': api, '/healthz': api, '/ims': api },
  },
});
