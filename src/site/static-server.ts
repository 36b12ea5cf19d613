// A small static file server for `jianbao serve` and the tests: one folder, under a URL path prefix, on 127.0.0.1.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
};

export interface StaticServer {
  /** e.g. "http://127.0.0.1:43123/jb/" */
  url: string;
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
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!pathname.startsWith(prefix)) return notFound(response, options.root);
    const relative = pathname.slice(prefix.length);
    const file = path.join(options.root, relative);
    if (!file.startsWith(path.resolve(options.root))) return notFound(response, options.root);
    const found = await stat(file).catch(() => null);
    if (found?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      return sendFile(response, path.join(file, 'index.html'), 200);
    }
    if (found?.isFile()) return sendFile(response, file, 200);
    return notFound(response, options.root);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function sendFile(response: import('node:http').ServerResponse, file: string, status: number): void {
  const stream = createReadStream(file);
  stream.on('open', () => {
    response.writeHead(status, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    stream.pipe(response);
  });
  stream.on('error', () => {
    if (!response.headersSent) response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found');
  });
}

function notFound(response: import('node:http').ServerResponse, root: string): void {
  sendFile(response, path.join(root, '404.html'), 404);
}
