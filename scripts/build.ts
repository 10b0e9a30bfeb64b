/**
 * The production build: TypeScript compiled to JavaScript in dist/ (tsconfig.build.json), the
 * embed bundle and demo page beside it, and dist/server.js as the entry point, so
 * `node dist/server.js` runs with no TypeScript toolchain.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildEmbed } from '../embed/build.ts';

const require = createRequire(import.meta.url);

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await buildEmbed();
// The compiled embed route looks for its files two levels up from dist/src/http/routes, as in the source tree.
for (const dir of ['embed/dist', 'embed/demo']) cpSync(dir, `dist/${dir}`, { recursive: true });
writeFileSync('dist/server.js', "// Entry point of the compiled service: node dist/server.js\nimport './src/server.js';\n");
console.log('Built dist/: run it with `node dist/server.js`.');
