import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';

/**
 * The Content-Security-Policy, as a <meta> tag so it travels with the static files to any host.
 * No inline script; connections only to our own origin (the service worker's fetches); no
 * plugins; no <base> or form targets. Added at build time only: Vite's dev server injects an
 * inline script for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // No string reaches an HTML or script sink; script URLs pass the app's same-origin policy (src/app/trusted-types.ts).
  "require-trusted-types-for 'script'",
  'trusted-types default',
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'certscope-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}

const FILE_TYPES = ['.pem', '.crt', '.cer', '.der', '.p7b', '.p7c', '.p12', '.pfx', '.csr', '.crl', '.key'];

// `base: './'` makes every asset URL relative, so the same dist/ works at any sub-path
// (e.g. https://example.com/tools/certscope/) with no server configuration.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    contentSecurityPolicy(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
      manifest: {
        id: './',
        name: 'Certscope — certificate viewer',
        short_name: 'Certscope',
        description: 'Inspect X.509 certificates, chains, PKCS#12, CSRs and CRLs in your browser. Nothing is uploaded.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0f766e',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
        file_handlers: [
          {
            action: './',
            accept: {
              'application/x-x509-ca-cert': FILE_TYPES,
              'application/pkix-cert': ['.cer', '.crt', '.der'],
              'application/x-pkcs12': ['.p12', '.pfx'],
              'application/x-pkcs7-certificates': ['.p7b', '.p7c'],
              'application/pkcs10': ['.csr'],
              'application/pkix-crl': ['.crl'],
              'application/x-pem-file': ['.pem', '.key'],
            },
          },
        ],
        share_target: {
          action: './share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { files: [{ name: 'files', accept: ['*/*', ...FILE_TYPES] }] },
        },
      },
    }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
