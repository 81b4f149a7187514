/**
 * Serves a built site to the PDF exporter's Chromium: an HTTP proxy in this process, on an ephemeral port of
 * 127.0.0.1, that every request of the browser goes through. A request for the print origin gets its file from
 * the site folder; any other request (another host, HTTPS) is refused: a page's is recorded by the exporter,
 * which sees the page's requests, and the browser's own background requests are none of the site's. Fonts, stylesheets and
 * scripts are sent cacheable, so the browser's own cache serves them to every later page: request
 * interception, which this replaces, disables that cache and sent each page's fonts through the driver again.
 * HTML is never cached (the export rewrites a print view's TOC numbers between renders).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { CONTENT_TYPES } from '../gazette/mime.ts';

export interface SiteProxy {
  /** The proxy's address, for Chromium's `proxy.server`. */
  server: string;
  close(): Promise<void>;
}

export interface SiteProxyOptions {
  /** The origin pages are loaded from, e.g. http://print.gongbao.invalid */
  origin: string;
  /** Site URL path → file (null outside the site). */
  fileOf: (urlPath: string) => string | null;
  /** Where requests for files the site does not have are recorded, in plain words. */
  problems: string[];
}

export async function startSiteProxy(options: SiteProxyOptions): Promise<SiteProxy> {
  // Files other than HTML do not change while the export runs: each is read once.
  const files = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    // A proxy receives absolute URLs.
    const url = new URL(req.url ?? '/', 'http://invalid.invalid');
    if (url.origin !== options.origin) {
      res.writeHead(403).end();
      return;
    }
    const file = options.fileOf(url.pathname);
    if (!file) {
      options.problems.push(`not in the site: ${url.pathname}`);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const html = file.endsWith('.html');
    let body = files.get(file);
    if (!body) {
      body = readFileSync(file);
      if (!html) files.set(file, body);
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': html ? 'no-store' : 'max-age=86400',
    });
    res.end(body);
  });
  // HTTPS goes through a proxy as CONNECT: never to the site, so always refused.
  server.on('connect', (_req, socket) => {
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('site proxy: no port');
  return {
    server: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
