import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer/', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs work under both app://ducha/ (Electron) and http://127.0.0.1:port/ (browser host).
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'chrome120',
  },
  worker: { format: 'es' },
});
