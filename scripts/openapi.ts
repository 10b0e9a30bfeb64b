/**
 * Writes openapi/openapi.json from the routes' zod schemas and openapi/types.ts from that
 * document. With --check it writes nothing and fails when the committed files differ.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { generateOpenApiFiles } from '../src/openapi/generate.ts';

const check = process.argv.includes('--check');
const files = await generateOpenApiFiles();
let stale = 0;
for (const [path, content] of Object.entries(files)) {
  const committed = await readFile(path, 'utf8').catch(() => '');
  if (committed === content) continue;
  stale += 1;
  if (check) console.error(`${path} is out of date with the code.`);
  else await writeFile(path, content);
}
if (check && stale) {
  console.error('Run `npm run openapi` and commit the result.');
  process.exit(1);
}
console.log(check ? 'OpenAPI document and types match the code.' : `OpenAPI files written (${stale} changed).`);
