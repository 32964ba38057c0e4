/**
 * Builds the standalone custom-element bundle (src/elements/index.ts) into public/elements/, so the
 * site serves it at /elements/nn-widgets.js. Formulas are native MathML, so no maths fonts travel with it.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const OUT = 'public/elements';

export default defineConfig({
  publicDir: false,
  // Chunk and worker URLs relative to the bundle, wherever it is served from.
  base: './',
  plugins: [svelte({ compilerOptions: { css: 'injected' } })],
  build: {
    outDir: OUT,
    emptyOutDir: true,
    lib: { entry: 'src/elements/index.ts', formats: ['es'], fileName: () => 'nn-widgets.js' },
    target: 'es2022',
  },
});
