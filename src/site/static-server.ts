// A small static file server for `jianbao serve`, the tests and the benchmarks: one folder, under a URL
// path prefix, on 127.0.0.1, like a static host (directories answer with index.html, no compression).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

export interface StaticServer {
  /** e.g. "http://127.0.0.1:43123/jb/" */
  url: string;
  /** Every response body sent so far, in order (for measuring what a page transfers). */
  sent: { path: string; bytes: number }[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The folder to serve; read on every request, so a swapped-in rebuild is served at once. */
  root: string;
  /** "/" or "/some/path/". */
  pathPrefix?: string;
  /** 0 picks a free port. */
  port?: number;
}

export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const prefix = options.pathPrefix ?? '/';
  const root = path.resolve(options.root);
  const sent: StaticServer['sent'] = [];
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.normalize(path.join(root, pathname.slice(prefix.length)));
    if (!pathname.startsWith(prefix) || (file !== root && !file.startsWith(root + path.sep))) {
      return sendFile(response, path.join(root, '404.html'), 404, sent, pathname);
    }
    const found = await stat(file).catch(() => null);
    if (found?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      return sendFile(response, path.join(file, 'index.html'), 200, sent, pathname);
    }
    if (found?.isFile()) {
      // Revalidation as static hosts answer it: unchanged since the browser's copy → 304, no body.
      const since = Date.parse(request.headers['if-modified-since'] ?? '');
      if (!Number.isNaN(since) && Math.floor(found.mtimeMs / 1000) * 1000 <= since) {
        response.writeHead(304).end();
        return;
      }
      return sendFile(response, file, 200, sent, pathname);
    }
    return sendFile(response, path.join(root, '404.html'), 404, sent, pathname);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    sent,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function sendFile(
  response: ServerResponse,
  file: string,
  status: number,
  sent: StaticServer['sent'],
  pathname: string,
): Promise<void> {
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  response.writeHead(status, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': found.size,
    'last-modified': found.mtime.toUTCString(),
    // Always revalidate: `serve` replaces files while a reader is on the site.
    'cache-control': 'no-cache',
  });
  sent.push({ path: pathname, bytes: found.size });
  createReadStream(file).pipe(response);
}
