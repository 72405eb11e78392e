/**
 * Builds the web app into web/dist, which `duban serve` serves at /. Two entries: the app
 * (index.html: React + Ant Design + ECharts, pages split with React.lazy) and the public page
 * (public.html: 民生实事 for citizens, plain React without Ant Design so phones load it fast).
 * `npm run build:web`; for development `npx vite --config web/vite.config.ts` proxies /api to
 * a running `duban serve` on DUBAN_API (default http://127.0.0.1:3000).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // the domain's label tables come with zod schemas the browser never uses: see src/zodStub.ts
  resolve: { alias: [{ find: /^zod$/, replacement: resolve(root, 'src/zodStub.ts') }] },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { main: resolve(root, 'index.html'), public: resolve(root, 'public.html') },
    },
  },
  server: { proxy: { '/api': process.env.DUBAN_API ?? 'http://127.0.0.1:3000' } },
});
