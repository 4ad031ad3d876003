// Trunk pre_build hook (Trunk.toml): bundles www/editor/editor.js and its npm
// packages into one minified script that index.html hands to Trunk, which
// hashes it into dist/. Written only when it changes, so `trunk serve` does
// not rebuild in a loop.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outfile = here('../../target/editor/pyplay-editor.js');

const result = await build({
  entryPoints: [here('editor.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  write: false,
  outfile,
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
let old = null;
try { old = readFileSync(outfile); } catch { /* first build */ }
if (!old || !Buffer.from(code).equals(old)) {
  mkdirSync(here('../../target/editor/'), { recursive: true });
  writeFileSync(outfile, code);
}
console.log(`editor bundle: ${code.length} bytes`);
