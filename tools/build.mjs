// Builds dist/, the release site, from www/index.html:
//   node tools/build.mjs
//
// index.html names its assets with `data-build` tags (below); this script
// builds them, writes the page with the built names, runs the steps that
// need the whole build (pages, sw.js, compression), and swaps the result
// into dist/. It replaces Trunk, which a fresh machine spent 8 of its 28.5
// minutes compiling for this work, and it overlaps what Trunk ran in turn
// (tests/bench/README.md, "Build time").
//
//   <link data-build rel="copy-file" href="F">   F copied to the root
//   <link data-build rel="copy-dir" href="D">    D copied to the root, whole
//   <link data-build rel="css" href="F">         F hashed, as a stylesheet with its integrity
//   <script data-build src="F" …></script>       F hashed, with its integrity; other attributes kept
//   <link data-build rel="rust" data-package="P" data-bin="B" data-wasm-opt="L" [data-worker]>
//     B of package P built for wasm32, run through wasm-bindgen and wasm-opt -OL.
//     The app (hashed names) gets the loader script in the tag's place; a
//     worker keeps fixed names (B_loader.js, B_bg.wasm): pages start it by name.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const DIST = join(ROOT, 'dist');
const STAGE = join(ROOT, 'target', 'dist-stage');
const TARGET = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');

const started = Date.now();
const log = (msg) => console.error(`build: [${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}`);

function run(cmd, args) {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      code === 0 ? done() : fail(new Error(`${cmd} ${args.join(' ')}: ${signal ?? `exit ${code}`}`)));
  });
}

// --locked goes before a `--`, after which arguments are the program's.
const cargo = ([command, ...rest]) => run('cargo', [command, '--locked', ...rest]);
const node = (script, args = []) => run(process.execPath, [join(ROOT, script), ...args]);
const digest = (algo, bytes, enc) => createHash(algo).update(bytes).digest(enc);
const hash = (bytes) => digest('sha256', bytes, 'hex').slice(0, 16);
const integrity = (bytes) => `sha384-${digest('sha384', bytes, 'base64')}`;

// Attributes of one tag, in order: [[name, value|null], …].
function attributes(tag) {
  const out = [];
  for (const m of tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)) out.push([m[1], m[2] ?? null]);
  return out;
}
const attr = (attrs, name) => attrs.find(([n]) => n === name)?.[1];
const has = (attrs, name) => attrs.some(([n]) => n === name);
const writeAttrs = (attrs) => attrs.map(([n, v]) => (v === null ? ` ${n}` : ` ${n}="${v}"`)).join('');

// The app's loader: its wasm is fetched after the first paint (or within
// 100 ms where nothing paints: a hidden tab, an embed off screen), with no
// preload, so the page written at build time paints (and reads) without
// waiting for it; the app takes that page over at the reader's first input
// (crates/app/src/takeover.rs). pages.rs moves the script to a file.
const appLoader = (js, wasm) => `<script type="module">
import init from './${js}';
await new Promise((go) => {
  requestAnimationFrame(() => setTimeout(go, 0));
  setTimeout(go, 100);
});
await init({ module_or_path: './${wasm}' });
</script>`;

// cargo build, for wasm32.
const compile = (attrs) => cargo(['build', '--release', '--target', 'wasm32-unknown-unknown',
  '-p', attr(attrs, 'data-package'), '--bin', attr(attrs, 'data-bin')]);

// wasm-bindgen, then wasm-opt (cached by its input: the worker rarely
// changes, and binaryen.js takes minutes on it), then into the stage.
// Returns what replaces the tag: the app's loader, nothing for a worker.
async function pack(attrs) {
  const bin = attr(attrs, 'data-bin');
  const worker = has(attrs, 'data-worker');
  const out = join(TARGET, 'wasm-bindgen', 'release', bin);
  mkdirSync(out, { recursive: true });
  await run('wasm-bindgen', [`--target=${worker ? 'no-modules' : 'web'}`, `--out-dir=${out}`,
    `--out-name=${bin}`, '--no-typescript', join(TARGET, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`)]);
  const optimised = join(out, `${bin}_bg.opt.wasm`);
  await node('tools/wasm-opt-cached.mjs', [`--output=${optimised}`, `-O${attr(attrs, 'data-wasm-opt')}`,
    join(out, `${bin}_bg.wasm`)]);
  if (existsSync(join(out, 'snippets'))) cpSync(join(out, 'snippets'), join(STAGE, 'snippets'), { recursive: true });
  const js = readFileSync(join(out, `${bin}.js`));
  const wasm = readFileSync(optimised);
  log(`${bin}: ${(wasm.length / 1024).toFixed(0)} KiB of wasm`);
  if (worker) {
    // The glue and the call that starts it, in one script: a worker's
    // importScripts of a second file was one more request before its wasm.
    writeFileSync(join(STAGE, `${bin}_loader.js`), `${js}\nwasm_bindgen("./${bin}_bg.wasm");\n`);
    writeFileSync(join(STAGE, `${bin}_bg.wasm`), wasm);
    return '';
  }
  // One hash for both: the glue and the wasm it imports change together.
  const base = `${bin}-${hash(Buffer.concat([js, wasm]))}`;
  writeFileSync(join(STAGE, `${base}.js`), js);
  writeFileSync(join(STAGE, `${base}_bg.wasm`), wasm);
  return appLoader(`${base}.js`, `${base}_bg.wasm`);
}

function copyHashed(src) {
  const bytes = readFileSync(src);
  const name = basename(src).replace(/\.\w+$/, (ext) => `-${hash(bytes)}${ext}`);
  writeFileSync(join(STAGE, name), bytes);
  return { name, integrity: integrity(bytes) };
}

// What one data-build tag becomes in the page ('' when it leaves nothing).
async function asset(tag) {
  const attrs = attributes(tag).filter(([n]) => n !== 'data-build');
  const path = (a) => join(WWW, attr(attrs, a));
  if (tag.startsWith('<script')) {
    const { name, integrity } = copyHashed(path('src'));
    const rest = attrs.filter(([n]) => n !== 'src');
    return `<script src="./${name}"${writeAttrs(rest)} integrity="${integrity}"></script>`;
  }
  switch (attr(attrs, 'rel')) {
    case 'copy-file':
      copyFileSync(path('href'), join(STAGE, basename(path('href'))));
      return '';
    case 'copy-dir':
      cpSync(path('href'), join(STAGE, basename(path('href'))), { recursive: true });
      return '';
    case 'css': {
      const { name, integrity } = copyHashed(path('href'));
      return `<link rel="stylesheet" href="./${name}" integrity="${integrity}">`;
    }
    default:
      throw new Error(`index.html: unknown data-build tag ${tag}`);
  }
}

// A tag on a line of its own; the line goes when the tag leaves nothing.
const TAG = /^([ \t]*)(<link data-build[^>]*>|<script data-build[^>]*><\/script>)\n/gm;

async function main() {
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const tags = [...html.matchAll(TAG)].map((m) => m[2]);
  const isRust = (t) => t.includes('rel="rust"');

  // Inputs written by this repository's own tools. The native ones (the
  // stdlib packs and the search index) and the wasm builds use different
  // cargo profiles and target dirs, so they run side by side: each wasm
  // build spends minutes on one core (one codegen unit, fat LTO) and
  // wasm-opt is single-threaded.
  const inputs = Promise.all([
    node('www/editor/build.mjs'),
    cargo(['run', '--quiet', '-p', 'pyplay-stdlib', '--', 'target/stdlib'])
      .then(() => cargo(['run', '--quiet', '-p', 'pyplay-search', '--bin', 'search-index', '--', 'target'])),
  ]);
  // The wasm builds one after the other (cargo locks its target dir), in
  // index.html's order: each one's wasm-bindgen and wasm-opt run while the
  // next compiles.
  const built = new Map();
  let cargoFree = Promise.resolve();
  const wasm = tags.filter(isRust).map((t) => {
    const attrs = attributes(t);
    const compiled = cargoFree.then(() => compile(attrs));
    cargoFree = compiled.catch(() => {});
    return compiled.then(() => pack(attrs)).then((out) => built.set(t, out));
  });
  const assets = inputs.then(async () => {
    log('inputs written');
    for (const t of tags.filter((t) => !isRust(t))) built.set(t, await asset(t));
  });
  await Promise.all([assets, ...wasm]);
  log('wasm built');

  writeFileSync(join(STAGE, 'index.html'), html.replace(TAG, (_, indent, t) => (built.get(t) ? `${indent}${built.get(t)}\n` : '')));
  // Need the whole build: the scripts with their channel names, every page
  // (from index.html's head), sw.js with the precache list, then the
  // .br/.gz copies of everything, sw.js included.
  await node('www/build-scripts.mjs', [STAGE]);
  await cargo(['run', '--quiet', '-p', 'pyplay-content', '--bin', 'pages', '--', STAGE]);
  await node('www/pwa/build-sw.mjs', [STAGE]);
  await node('tools/precompress.mjs', [STAGE]);

  rmSync(`${DIST}.old`, { recursive: true, force: true });
  if (existsSync(DIST)) renameSync(DIST, `${DIST}.old`);
  renameSync(STAGE, DIST);
  rmSync(`${DIST}.old`, { recursive: true, force: true });
  log('dist/ written');
}

main().catch((err) => {
  console.error(`build: ${err.message}`);
  process.exit(1);
});
