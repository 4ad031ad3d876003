// Where the bytes of a wasm file are: size of each section, raw / gzip -9 /
// brotli 11 (the last two cached by content hash, see tools/precompress.mjs).
// Usage: node tests/bench/wasm-sections.mjs [dist/worker_bg.wasm]
import { readFileSync } from 'node:fs';
import { compress } from '../../tools/precompress.mjs';

const file = process.argv[2] ?? new URL('../../dist/worker_bg.wasm', import.meta.url).pathname;
const bytes = readFileSync(file);
const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
let p = 8;
const leb = () => {
  let result = 0, shift = 0, byte;
  do { byte = bytes[p++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return result;
};
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`.padStart(10);
console.log(`${file}: ${kib(bytes.length)}\n${'section'.padEnd(24)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
while (p < bytes.length) {
  const id = bytes[p++];
  const size = leb();
  let name = NAMES[id] ?? `#${id}`;
  if (id === 0) {
    const q = p;
    const len = leb();
    name = `custom:${bytes.subarray(p, p + len).toString()}`;
    p = q;
  }
  const body = bytes.subarray(p, p + size);
  p += size;
  if (size < 64 * 1024) {
    console.log(`${name.padEnd(24)}${kib(size)}`);
    continue;
  }
  const c = await compress(Buffer.from(body));
  console.log(`${name.padEnd(24)}${kib(size)}${kib(c.gz.length)}${kib(c.br.length)}`);
}
