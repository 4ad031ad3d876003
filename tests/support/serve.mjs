// A small static file server for dist/: correct MIME types for wasm,
// no caching surprises, and a knob to take it down (for offline tests).
// Like a production static host it sends a precompressed `file.br` / `file.gz`
// (written by tools/precompress.mjs at build time) with Content-Encoding when
// the request accepts it, and answers revalidations (ETag) with 304, so a
// warm cache really is warm (and V8 reuses its cached wasm code).
// CLI: node tests/support/serve.mjs [dir] [port]
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentType } from '../../tools/content-types.mjs';

/** Whether an Accept-Encoding header value allows `coding` (q=0 refuses it). */
function accepts(header = '', coding) {
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return name === coding && !(q && Number(q.slice(2)) === 0);
  });
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, Math.max(0, ms)));

/**
 * A shared link of `mbps` megabit/s for the benchmark: every response body
 * waits for its turn on the one link (the per-request rttMs is in the handler).
 */
function throttled({ mbps }) {
  let linkFreeAt = 0;
  return async (path, res) => {
    for await (const chunk of createReadStream(path, { highWaterMark: 16 * 1024 })) {
      const start = Math.max(performance.now(), linkFreeAt);
      linkFreeAt = start + (chunk.length * 8) / (mbps * 1000);
      await sleep(linkFreeAt - performance.now());
      if (res.destroyed) return;
      if (!res.write(chunk)) {
        await new Promise((ok) => {
          const done = () => { res.off('drain', done); res.off('close', done); ok(); };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    res.end();
  };
}

/**
 * Serves `root` on `port` (0 = any free port). Resolves to { url, close, requests }.
 * `throttle: { mbps, rttMs }` simulates a slow link (benchmarks only).
 */
export async function startServer({ root, port = 0, host = '127.0.0.1', headers = {}, throttle = null }) {
  const base = resolve(root);
  const requests = [];
  const send = throttle ? throttled(throttle) : async (path, res) => createReadStream(path).pipe(res);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (throttle?.rttMs) await sleep(throttle.rttMs);
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        // As static hosts do: a topic page's relative URLs need its slash.
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        path = join(path, 'index.html');
        info = await stat(path);
      }
      const type = contentType(path);
      let encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepts(req.headers['accept-encoding'], enc)) continue;
        const packed = await stat(path + ext).catch(() => null);
        // A copy older than its source is stale (the file was edited after
        // the build compressed it): serve the source instead.
        if (packed?.isFile() && packed.mtimeMs >= info.mtimeMs) {
          encoding = enc;
          path += ext;
          info = packed;
          break;
        }
      }
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const common = {
        'cache-control': 'no-cache',
        etag,
        'last-modified': info.mtime.toUTCString(),
        vary: 'accept-encoding',
        ...headers,
      };
      if ((req.headers['if-none-match'] ?? '').split(',').some((t) => t.trim() === etag)) {
        res.writeHead(304, common).end();
        return;
      }
      res.writeHead(200, {
        'content-type': type,
        'content-length': info.size,
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...common,
      });
      if (req.method === 'HEAD') res.end();
      else await send(path, res);
    } catch {
      if (res.headersSent) {
        res.destroy(); // the client went away mid-body
        return;
      }
      // The site's own 404 page, as hosts serve it (GitHub Pages, Netlify, …).
      const missing = join(base, '404.html');
      const page = await stat(missing).catch(() => null);
      if (page?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        createReadStream(missing).pipe(res);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, host, ok));
  const { port: actual } = server.address();
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/`,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`Serving ${root} at ${url}  (Ctrl-C to stop)`);
}
