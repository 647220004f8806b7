/**
 * Serves a built site from disk on loopback, the way a static host would: `/x/` answers with
 * `x/index.html`, a missing file with the site's own 404 page. The print stage serves the built site
 * to Chromium with it; browser tests, Lighthouse and the print bench's pagedjs-cli baseline too.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** The file a URL path names inside `root`, or undefined when there is none. */
export function resolveFile(root: string, urlPath: string): string | undefined {
  const base = normalize(root + sep);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // a malformed escape (`100%.jpg`) names no file
  }
  let file = normalize(join(root, decoded));
  if (!file.startsWith(base) && file !== normalize(root)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : undefined;
}

export interface ServeOptions {
  /**
   * Files served from outside the site, by URL path (the print stage serves Paged.js this way).
   */
  extraFiles?: Record<string, string>;
  /** Nothing changes while it runs (print, browser tests): the browser keeps every file for the session, and so does the server. */
  unchanging?: boolean;
}

export async function serveSite(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const caching = options.unchanging ? { 'Cache-Control': 'public, max-age=86400, immutable' } : {};
  /**
   * Unchanging files are read once and answered from memory in one write with their length, not
   * streamed in chunks. A print run serves some 730 files (font slices, mostly); measured with the
   * print bench's site (8 documents, alternating runs), Node's CPU 4.07 → 3.78 s and 4.51 → 4.15 s.
   */
  const kept = new Map<string, Promise<Buffer>>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = options.extraFiles?.[path] ?? resolveFile(root, path);
    if (!file) {
      // Like a static host: the 404 page of the reader's language folder, else the site's.
      const locale = /^\/([a-z]{2,3}(?:-[a-z0-9]+)?)\//i.exec(path)?.[1];
      const notFound = (locale && resolveFile(root, `/${locale}/404.html`)) || resolveFile(root, '/404.html');
      res.writeHead(404, { 'Content-Type': contentTypes['.html'] });
      if (notFound) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const type = { 'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream', ...caching };
    if (options.unchanging) {
      let bytes = kept.get(file);
      if (!bytes) kept.set(file, (bytes = readFile(file)));
      bytes.then(
        (data) => {
          res.writeHead(200, { ...type, 'Content-Length': data.byteLength });
          res.end(data);
        },
        (error: Error) => {
          res.writeHead(500, { 'Content-Type': contentTypes['.txt'] });
          res.end(error.message);
        },
      );
      return;
    }
    res.writeHead(200, type);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
