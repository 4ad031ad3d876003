// A blog post on another origin that embeds the site, as a blogger would
// publish it: a strict Content-Security-Policy that allows only our origin.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './serve.mjs';

/** Serves post.html with `body` (embeds, prose) and the site's embed.js; returns { url, close }. */
export async function startBlog(siteUrl, body) {
  const dir = mkdtempSync(join(tmpdir(), 'pyplay-blog-'));
  const origin = new URL(siteUrl).origin;
  writeFileSync(join(dir, 'post.html'), `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${origin}; frame-src ${origin}">
<title>A blog post</title></head>
<body>
<h1>Enums, explained</h1>
${body}
<script src="${siteUrl}embed.js" async></script>
</body></html>`);
  const server = await startServer({ root: dir });
  return {
    // Same server, other host name: a different origin and a different site.
    url: server.url.replace('127.0.0.1', 'localhost'),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
