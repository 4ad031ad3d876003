// Writes `name.br` (brotli, quality 11) and `name.gz` (gzip -9) beside every
// compressible file of a built site, so a static server can send them with
// Content-Encoding instead of compressing on the fly (or not at all).
// A compressed copy that saves under 5% is not written: the raw file is served.
//
// tools/build.mjs runs this last on its staging dir;
// CLI: node tools/precompress.mjs [dir]   (default: dist)
//
// Brotli 11 on the 20 MB worker wasm takes ~50 s, so results are cached by
// content hash under $CARGO_TARGET_DIR/precompress (or target/precompress):
// a rebuild that did not change the worker costs nothing.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
export const COMPRESSIBLE = /\.(wasm|js|mjs|html|css|svg|json|txt|map|webmanifest|zip|data|py|bin)$/;
const MIN_SAVING = 0.05;

export function cacheDir() {
  return join(process.env.CARGO_TARGET_DIR ?? fileURLToPath(new URL('../target/', import.meta.url)), 'precompress');
}

/** { br, gz } compressed buffers of `data`, memoised on disk by content hash. */
export async function compress(data, cache = cacheDir()) {
  const key = createHash('sha256').update(data).digest('hex');
  mkdirSync(cache, { recursive: true });
  const out = {};
  for (const [enc, run] of [
    ['br', () => brotli(data, { params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    } })],
    ['gz', () => gz(data, { level: 9 })],
  ]) {
    const file = join(cache, `${key}.${enc}`);
    if (existsSync(file)) {
      out[enc] = readFileSync(file);
    } else {
      out[enc] = await run();
      writeFileSync(file, out[enc]);
    }
  }
  return out;
}

/** Sizes a static host would send for `data`: raw, gzip and brotli (raw when compression does not pay). */
export async function wireSizes(path, data = readFileSync(path)) {
  if (!COMPRESSIBLE.test(path)) return { raw: data.length, gz: data.length, br: data.length };
  const c = await compress(data);
  const pick = (buf) => (buf.length <= data.length * (1 - MIN_SAVING) ? buf.length : data.length);
  return { raw: data.length, gz: pick(c.gz), br: pick(c.br) };
}

/** Writes .br/.gz beside every compressible file under `dir` (recursively). */
export async function precompressDir(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else if (!name.startsWith('.') && COMPRESSIBLE.test(name)) files.push(path);
    }
  };
  walk(dir);
  await Promise.all(files.map(async (path) => {
    const data = readFileSync(path);
    const c = await compress(data);
    for (const enc of ['br', 'gz']) {
      const target = `${path}.${enc}`;
      if (c[enc].length <= data.length * (1 - MIN_SAVING)) writeFileSync(target, c[enc]);
      else rmSync(target, { force: true });
    }
  }));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const t0 = Date.now();
  const files = await precompressDir(dir);
  console.log(`precompress: ${files.length} files in ${dir} (.br, .gz) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
