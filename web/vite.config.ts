import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The explorer builds into dist/web, which `cig serve` serves at `/`. Everything it loads at run
 * time (scripts, styles, workers, map data) is in that folder: nothing comes from another host.
 * `npm run web:dev` proxies the API to a running `cig serve` for development.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // GraphiQL's editor alone is larger than the default warning limit; it is loaded on its own
    // route only.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // GraphiQL's modules open with React Compiler's "use no memo", which only tells that compiler
      // to leave them alone; the bundle runs them uncompiled either way, so dropping it is harmless.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use no memo'))
          return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': `http://localhost:${process.env.PORT ?? '4000'}`,
      '/export': `http://localhost:${process.env.PORT ?? '4000'}`,
    },
  },
});
