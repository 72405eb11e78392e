/**
 * Builds the web app into web/dist, which `duban serve` serves at /. Two entries: the app
 * (index.html: React + Ant Design + ECharts, pages split with React.lazy) and the public page
 * (public.html: 民生实事 for citizens, plain React without Ant Design so phones load it fast).
 * `npm run build:web`; for development `npx vite --config web/vite.config.ts` proxies /api to
 * a running `duban serve` on DUBAN_API (default http://127.0.0.1:3000).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

/**
 * Writes `name.br` and `name.gz` next to every text file of the build (over 1 KB), which the
 * server sends to browsers that accept them (@fastify/static `preCompressed`): compressed once
 * at build time at the highest level instead of on every request.
 */
function precompress(): Plugin {
  const TEXT = /\.(js|mjs|css|html|svg|json|txt|map)$/;
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return {
    name: 'duban-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(resolve(root, 'dist'))) {
        if (!TEXT.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
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
