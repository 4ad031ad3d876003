// wasm-opt with a cache: a build re-optimises the Python worker's wasm
// every time, about 8 minutes of binaryen.js, although the worker rarely
// changes. The key is the input's bytes, the arguments and the binaryen
// version; a hit copies the stored output, a miss runs the real wasm-opt
// (npm's binaryen, node_modules/.bin) and stores what it wrote. The cache
// lives beside Cargo's (CARGO_TARGET_DIR, kept between CI runs); the last
// few entries are kept.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const REAL = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
const CACHE = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'wasm-opt-cache');
const KEEP = 6;

const args = process.argv.slice(2);
const run = () => {
  const result = spawnSync(REAL, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
};

const output = args.find((a) => a.startsWith('--output='))?.slice('--output='.length);
const inputs = args.filter((a) => !a.startsWith('-'));
if (!output || inputs.length !== 1) process.exit(run()); // --version, or a form we do not cache

const version = spawnSync(REAL, ['--version'], { encoding: 'utf8' }).stdout.trim();
const key = createHash('sha256')
  .update(version).update('\0')
  .update(args.filter((a) => a !== inputs[0] && !a.startsWith('--output=')).join('\0')).update('\0')
  .update(readFileSync(inputs[0]))
  .digest('hex');
const entry = join(CACHE, `${key}.wasm`);
try {
  copyFileSync(entry, output);
  const now = new Date();
  utimesSync(entry, now, now);
  console.error(`wasm-opt: cached result for ${inputs[0]} (${key.slice(0, 12)})`);
  process.exit(0);
} catch {
  // A miss: optimise, then store.
}
const status = run();
if (status === 0) {
  mkdirSync(CACHE, { recursive: true });
  const partial = `${entry}.${process.pid}.tmp`;
  copyFileSync(output, partial);
  renameSync(partial, entry);
  const entries = readdirSync(CACHE).filter((n) => n.endsWith('.wasm'))
    .map((n) => ({ n, t: statSync(join(CACHE, n)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { n } of entries.slice(KEEP)) rmSync(join(CACHE, n), { force: true });
}
process.exit(status);
