import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

/** Where the dev and preview servers send API calls (override to point at another server). */
const api = process.env.TRELLIS_API_URL ?? 'http://127.0.0.1:3000';

/** The web app lives in `web/` and builds to `dist/web`, which the server serves in production. */
export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    // A .br and a .gz beside each page, script and stylesheet, compressed once at the highest levels;
    // the server sends the one the browser accepts (@fastify/static preCompressed, server/lib/web-app.ts).
    compression({
      include: /\.(html|js|css|json|svg)$/,
      threshold: 1024,
      algorithms: [
        defineAlgorithm('gzip', { level: 9 }),
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      ],
      logLevel: 'silent',
    }),
  ],
  // postcss.config.cjs sits at the repo root, above Vite's root.
  css: { postcss: fileURLToPath(new URL('.', import.meta.url)) },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // No source maps in the served build (the server refuses *.map anyway); `npx vite build
    // --sourcemap` makes them for a local look at what a chunk holds.
    sourcemap: false,
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
