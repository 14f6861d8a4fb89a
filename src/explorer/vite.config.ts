// Builds the explorer page into dist/explorer/ as plain files that also open from disk:
// one classic (non-module) script and one stylesheet, so `file://` pages and a strict
// Content-Security-Policy both work.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./page/', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/explorer/', import.meta.url));

// Browsers refuse module scripts and `crossorigin` requests from file:// pages. The catalog
// script (written by the server or the export, not by Vite) goes first: deferred scripts run in
// document order, so the catalog is defined when the page script starts, and both download at once.
const classicScripts: Plugin = {
  name: 'sigil-classic-scripts',
  transformIndexHtml: {
    order: 'post',
    handler: (html) =>
      html
        .replace(/<script type="module" crossorigin/g, '<script defer src="./data/catalog.js"></script>\n    <script defer')
        .replace(/ crossorigin/g, ''),
  },
};

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  plugins: [classicScripts],
  build: {
    outDir,
    emptyOutDir: true,
    modulePreload: false,
    cssCodeSplit: false,
    target: 'es2022',
    rolldownOptions: { output: { format: 'iife' } },
  },
});
