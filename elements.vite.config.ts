/**
 * Builds the standalone custom-element bundle (src/elements/index.ts) into public/elements/, so the
 * site serves it at /elements/nn-widgets.js beside KaTeX's woff2 fonts.
 */
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const OUT = 'public/elements';

export default defineConfig({
  publicDir: false,
  // Chunk and worker URLs relative to the bundle, wherever it is served from.
  base: './',
  plugins: [
    svelte({ compilerOptions: { css: 'injected' } }),
    {
      name: 'copy-katex-woff2',
      closeBundle() {
        mkdirSync(`${OUT}/fonts`, { recursive: true });
        for (const file of readdirSync('node_modules/katex/dist/fonts').filter((name) => name.endsWith('.woff2'))) {
          cpSync(`node_modules/katex/dist/fonts/${file}`, `${OUT}/fonts/${file}`);
        }
      },
    },
  ],
  build: {
    outDir: OUT,
    emptyOutDir: true,
    lib: { entry: 'src/elements/index.ts', formats: ['es'], fileName: () => 'nn-widgets.js' },
    target: 'es2022',
  },
});
