import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const EMBED_DIST = here('./dist/');

/**
 * One classic (IIFE) script, so a chamber's page needs a single plain `<script src>`: module
 * scripts would need CORS on the script itself and are stripped by some site builders.
 */
export const embedBuildOptions: BuildOptions = {
  entryPoints: { peluang: here('./src/peluang.ts'), demo: here('./demo/demo.ts') },
  outdir: EMBED_DIST,
  bundle: true,
  format: 'iife',
  minify: true,
  sourcemap: true,
  // Browsers still in use on embassy and chamber desktops: custom elements, shadow DOM, <dialog>.
  target: ['es2020', 'chrome100', 'firefox100', 'safari15.4'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
};

export async function buildEmbed(): Promise<void> {
  await build(embedBuildOptions);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildEmbed();
  console.log(`embed bundle written to ${EMBED_DIST}`);
}
