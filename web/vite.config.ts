import { constants } from 'node:zlib';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // The service worker (src/sw/sw.ts, Workbox) and the web app manifest. The worker is registered by the app
    // itself once the map has drawn (src/sw/register.ts), so it never competes with the first load.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: 'Bản đồ phòng, chống ma túy',
        short_name: 'PCMT',
        description: 'Bản đồ nghiệp vụ phòng, chống ma túy của tỉnh',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d3b5a',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        // The shell and every chunk but the export's (jsPDF, html2canvas, canvg, DOMPurify: 180 KB), the charts'
        // (Observable Plot, 100 KB, through components/plot-lib.ts) and the counterpart script's font rules (30 KB):
        // those are kept once used (see sw.ts), so a first visit stays within 1 MB.
        globPatterns: ['**/*.{html,js,mjs,css}'],
        globIgnores: [
          '**/map-export-*',
          '**/jspdf*',
          '**/html2canvas*',
          '**/local-script-*',
          '**/index.es-*',
          '**/purify.es-*',
          '**/plot-lib-*',
        ],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // Hashed names are their own revision: the install takes them from the HTTP cache, not the network.
        dontCacheBustURLsMatching: /(^|\/)assets\/.+-[\w-]{8}\.\w+$/,
      },
    }),
    // Each asset is written beside itself as .br and .gz at the highest levels, once, at build time: the server
    // sends those as they are (serveStatic `precompressed`) instead of compressing on every request.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      threshold: 1024,
      // Fonts are compressed already: a second pass gains nothing and slows the build.
      exclude: [/\.woff2?$/],
    }),
  ],
  server: { port: 5173, proxy: { '/api': 'http://localhost:8080' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The budget script reads the manifest to know what the first load fetches (scripts/check-bundle-budget.mjs).
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // MapLibre changes more seldom than the app: in its own file, a new release of ours keeps it cached.
        manualChunks: (id) => (id.includes('/node_modules/maplibre-gl/') ? 'maplibre' : undefined),
      },
    },
  },
});
