// Writes sw.js into a built site: the template www/pwa/sw.js with the list of
// every file of the build (and its integrity hash and content type), a
// version derived from all their contents, and the channel names
// (www/channels.js, through build-scripts.mjs). Run by tools/build.mjs on its
// staging directory; tests run it on modified copies of dist/.
//   node www/pwa/build-sw.mjs <dir>
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentType } from '../../tools/content-types.mjs';
import { withChannels } from '../build-scripts.mjs';

const TEMPLATE = new URL('./sw.js', import.meta.url);
const MARKER = "/* BUILD */ { version: 'template', files: [] }";
const OUTPUT = 'sw.js';

/**
 * Skipped: the worker itself, dotfiles, the
 * .br/.gz twins a compression hook may write (the browser gets decoded
 * bodies), and the standard-library packs no lesson needs (cached on use).
 */
function precached(path) {
  const name = path.split('/').pop();
  return path !== OUTPUT && path !== 'stdlib/more' && !name.startsWith('.') && !/\.(br|gz)$/.test(name);
}

function walk(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => [entry, relative(root, join(dir, entry.name)).split(sep).join('/')])
    .filter(([, path]) => precached(path))
    .flatMap(([entry, path]) => {
      if (entry.isDirectory()) return walk(join(root, path), root);
      return entry.isFile() ? [path] : [];
    });
}

/**
 * Generates `dir`/sw.js; returns { version, files, bytes }. With `precache`
 * false the worker caches nothing and passes every request to the network.
 */
export function buildServiceWorker(dir, { precache = true } = {}) {
  const template = withChannels(readFileSync(TEMPLATE, 'utf8'), TEMPLATE.pathname);
  if (template.split(MARKER).length !== 2) throw new Error(`${TEMPLATE.pathname}: expected the BUILD marker once`);
  const files = (precache ? walk(dir) : []).sort().map((path) => {
    const body = readFileSync(join(dir, path));
    return {
      url: path,
      integrity: `sha256-${createHash('sha256').update(body).digest('base64')}`,
      type: contentType(path),
      size: body.length,
    };
  });
  // Unhashed names (worker_loader.js, worker_bg.wasm, index.html) change content in
  // place: the version hashes every file, and the template, so any change is a new version.
  const digest = createHash('sha256').update(template);
  for (const f of files) digest.update(`${f.url}\0${f.integrity}\0${f.type}\n`);
  const version = precache ? digest.digest('hex').slice(0, 16) : 'passthrough';
  const list = files.map(({ url, integrity, type }) => `  ${JSON.stringify({ url, integrity, type })},\n`).join('');
  const build = `{\n version: ${JSON.stringify(version)},\n files: [\n${list} ],\n}`;
  // Written whole, then renamed: other post_build hooks run at the same time.
  writeFileSync(join(dir, `.${OUTPUT}.tmp`), template.replace(MARKER, () => build));
  renameSync(join(dir, `.${OUTPUT}.tmp`), join(dir, OUTPUT));
  return { version, files, bytes: files.reduce((sum, f) => sum + f.size, 0) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node www/pwa/build-sw.mjs <dir>');
    process.exit(2);
  }
  const { version, files, bytes } = buildServiceWorker(dir);
  console.log(`sw.js: version ${version}, ${files.length} files precached, ${bytes} bytes`);
}
