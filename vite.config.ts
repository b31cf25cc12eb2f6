import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: one bundle served by Electron's app:// protocol and by web mode alike.
export default defineConfig({
  root: 'renderer',
  plugins: [react()],
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
