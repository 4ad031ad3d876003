// Writes the site's classic scripts that use the channel names into a built
// site: www/early-worker.js, www/early-input.js and www/embed/embed.js, each with its
// `/* CHANNELS */ {}` replaced by the names of www/channels.js (classic
// scripts cannot import; embed.js runs on other sites and must stay one
// file). build-sw.mjs does the same for sw.js through `withChannels`.
// Run by tools/build.mjs on its staging dir, before build-sw.mjs hashes the files.
//   node www/build-scripts.mjs <dir>
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from './channels.js';

const MARKER = '/* CHANNELS */ {}';

/** Source (relative to www/) → name in the built site. */
export const SCRIPTS = {
  'early-worker.js': 'early-worker.js',
  'early-input.js': 'early-input.js',
  'embed/embed.js': 'embed.js',
};

/** `source` with its one CHANNELS marker replaced by the names; `name` is for errors. */
export function withChannels(source, name) {
  if (source.split(MARKER).length !== 2) throw new Error(`${name}: expected the CHANNELS marker once`);
  return source.replace(MARKER, () => JSON.stringify(CHANNELS));
}

/** Writes every script of SCRIPTS into `dir`. */
export function buildScripts(dir) {
  for (const [source, output] of Object.entries(SCRIPTS)) {
    const url = new URL(source, import.meta.url);
    const text = withChannels(readFileSync(url, 'utf8'), url.pathname);
    // Written whole, then renamed: other post_build hooks run at the same time.
    writeFileSync(join(dir, `.${output}.tmp`), text);
    renameSync(join(dir, `.${output}.tmp`), join(dir, output));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node www/build-scripts.mjs <dir>');
    process.exit(2);
  }
  buildScripts(dir);
  console.log(`${Object.values(SCRIPTS).join(', ')}: channel names written`);
}
