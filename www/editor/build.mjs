// Run first by tools/build.mjs: bundles www/editor/editor.js and its npm
// packages into one minified script that index.html names, which the build
// hashes into dist/. Written only when it changes (its time stays put).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outfile = here('../../target/editor/pyplay-editor.js');

// CodeMirror's styles go through style-mod, which gives a document a
// <style> element and a shadow root a constructed stylesheet. The pages'
// CSP (style-src 'self') refuses the element, so the document gets a
// constructed sheet too (supported by every engine we test; the element
// remains the fallback where it is not).
const constructedStyles = {
  name: 'style-mod-constructed-sheets',
  setup(b) {
    b.onLoad({ filter: /style-mod[\\/]src[\\/]style-mod\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const needle = 'if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet)';
      if (!src.includes(needle)) throw new Error(`style-mod changed: ${args.path} no longer has "${needle}"`);
      return { contents: src.replace(needle, 'if (root.adoptedStyleSheets && win.CSSStyleSheet)'), loader: 'js' };
    });
  },
};

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
  plugins: [constructedStyles],
});
const code = result.outputFiles[0].contents;
let old = null;
try { old = readFileSync(outfile); } catch { /* first build */ }
if (!old || !Buffer.from(code).equals(old)) {
  mkdirSync(here('../../target/editor/'), { recursive: true });
  writeFileSync(outfile, code);
}
console.log(`editor bundle: ${code.length} bytes`);
