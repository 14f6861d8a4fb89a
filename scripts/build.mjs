// Bundles the CLI and its worker entry points into dist/ with esbuild.
// `npm ci` runs this through the `prepare` script.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entryPoints = ['src/cli/main.ts', 'src/cli/worker.ts'].filter((path) => existsSync(path));

await build({
  entryPoints: entryPoints.map((path) => ({
    in: path,
    out: path === 'src/cli/main.ts' ? 'cli' : path.replace(/^src\/cli\//, '').replace(/\.ts$/, ''),
  })),
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The explorer page: Vite builds src/explorer/page into dist/explorer/, where `sigil explore` finds it.
const { build: buildPage } = await import('vite');
await buildPage({ configFile: 'src/explorer/vite.config.ts', logLevel: 'warn' });
