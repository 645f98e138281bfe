/** A real static file server on 127.0.0.1 (port 0), serving a folder under a base path, for browser tests. */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.ttl': 'text/turtle; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ndjson': 'application/x-ndjson',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** origin + base: where the folder's root is served. */
  url: string;
  /** Every request path the server saw, with its status. */
  log: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/** Serve `root` at `base` (which starts and ends with '/'); a folder answers with its index.html. */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const top = resolve(root);
  const log: StaticServer['log'] = [];
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      log.push({ path: req.url ?? '', status });
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        return send(400, 'bad path');
      }
      if (!path.startsWith(base)) return send(404, 'not under base');
      let file = resolve(top, `.${sep}${path.slice(base.length)}`);
      if (file !== top && !file.startsWith(top + sep)) return send(403, 'outside root');
      try {
        if ((await stat(file)).isDirectory()) file = resolve(file, 'index.html');
        send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
      } catch {
        send(404, 'not found');
      }
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    log,
    close: () => new Promise<void>((ok, fail) => {
      server.closeAllConnections();
      server.close((err) => (err ? fail(err) : ok()));
    }),
  };
}
