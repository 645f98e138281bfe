/**
 * The fake GitHub served over HTTP on 127.0.0.1 (port 0): the API under /api/v3 and the uploads host under
 * /api/uploads, as a GitHub Enterprise Server lays them out. The production client reaches it with Node's global
 * fetch (whatever dispatcher is installed), through real sockets; a fault that drops the connection, or a crash,
 * destroys the socket. Every request and response is still checked against the OpenAPI description by the fake.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGitHub, type FakeGitHubOptions } from './index.ts';

/** Hop-by-hop and framing headers: the socket's business, not the request's. */
const FRAMING = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export interface WireGitHub {
  fake: FakeGitHub;
  /** GITHUB_API_URL for the client: http://127.0.0.1:PORT/api/v3 */
  apiUrl: string;
  /** Every request as it arrived on the socket: method, path and the framing the client sent. */
  seen: Array<{ method: string; path: string; contentLength: string | undefined; chunked: boolean; bytes: number }>;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function serveFakeGitHub(options: Omit<FakeGitHubOptions, 'hosts' | 'enterpriseHost'> = {}): Promise<WireGitHub> {
  const seen: WireGitHub['seen'] = [];
  let fake: FakeGitHub | undefined;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const te = req.headers['transfer-encoding'];
      seen.push({ method: req.method ?? '', path: req.url ?? '', contentLength: req.headers['content-length'], chunked: te !== undefined && te.includes('chunked'), bytes: body.length });
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || FRAMING.has(name)) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const method = req.method ?? 'GET';
      let answer: Response;
      try {
        answer = await fake!.fetch(`http://${req.headers.host}${req.url}`, { method, headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}) });
      } catch {
        // A dropped connection or a crash: the client sees the socket close with no answer.
        req.socket.destroy();
        return;
      }
      const payload = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => { out[name] = value; });
      res.writeHead(answer.status, { ...out, 'content-length': String(payload.length) });
      res.end(payload);
    })().catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`wire: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake = new FakeGitHub({ ...options, hosts: { api: `${origin}/api/v3`, uploads: `${origin}/api/uploads`, web: origin } });
  return {
    fake,
    apiUrl: `${origin}/api/v3`,
    seen,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
