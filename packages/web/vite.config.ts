import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The server serves dist/ at / and the API under /api on the same origin; in dev, vite proxies /api to it. */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.BATON_API_URL ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
