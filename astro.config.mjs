import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { rehypeMathmlMarkup } from './src/components/lesson/mathml.ts';

// Astro's default Markdown processor ignores remark/rehype plugins; unified() runs them, so lesson
// math is rendered at build time, as MathML only: KaTeX's HTML copy of each formula was over 90% of a
// lesson's DOM, and browsers render MathML natively (see src/components/lesson/mathml.ts).
export default defineConfig({
  site: 'https://nn-courseware.example',
  // Embed pages import their widget's code (and so its stylesheet) on demand; an inlined stylesheet
  // is removed from the output while that import still asks for the file (withastro/astro#8329).
  build: { inlineStylesheets: 'never' },
  // Starlight's search gets a stand-in that loads Pagefind's UI when the reader opens the search
  // (see src/components/site/lazy-pagefind-ui.ts); the exact name only, so the stand-in can still
  // import the package's own file.
  vite: {
    resolve: {
      alias: [{ find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/components/site/lazy-pagefind-ui.ts', import.meta.url)) }],
    },
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { output: 'mathml' }], rehypeMathmlMarkup],
    }),
  },
  integrations: [
    starlight({
      title: { 'zh-CN': '神经网络是怎样学习的', en: 'How Neural Networks Learn' },
      defaultLocale: 'root',
      locales: {
        root: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css'],
      // After load, lesson blocks more than a screen away from the viewport may skip rendering until
      // the reader scrolls near them (see .nn-offscreen in src/styles/site.css, which has the same list).
      head: [
        {
          tag: 'script',
          content: `addEventListener('load', () => requestAnimationFrame(() => {
  for (const block of document.querySelectorAll('.sl-markdown-content > :is(p, .math-display, aside, ul, ol, figure, blockquote)')) {
    const { top, bottom } = block.getBoundingClientRect();
    if (bottom < -innerHeight || top > 2 * innerHeight) block.classList.add('nn-offscreen');
  }
}));`,
        },
      ],
      sidebar: [
        { label: '入门', translations: { en: 'Getting started' }, items: [{ autogenerate: { directory: 'intro' } }] },
        { label: '网络结构与前向传播', translations: { en: 'Structure and forward pass' }, items: [{ autogenerate: { directory: 'structure' } }] },
        { label: '激活函数', translations: { en: 'Activation functions' }, items: [{ autogenerate: { directory: 'activations' } }] },
        { label: '损失与代价', translations: { en: 'Losses and costs' }, items: [{ autogenerate: { directory: 'loss' } }] },
        { label: '导数与梯度下降', translations: { en: 'Derivatives and gradient descent' }, items: [{ autogenerate: { directory: 'gradients' } }] },
        { label: '反向传播', translations: { en: 'Backpropagation' }, items: [{ autogenerate: { directory: 'backprop' } }] },
        { label: '深层网络', translations: { en: 'Deep networks' }, items: [{ autogenerate: { directory: 'deep' } }] },
        { label: '参考', translations: { en: 'Reference' }, items: [{ autogenerate: { directory: 'reference' } }] },
      ],
    }),
    svelte(),
  ],
});
