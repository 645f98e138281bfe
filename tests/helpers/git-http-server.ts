/**
 * A git server on 127.0.0.1 for the git target's tests: `git http-backend` (git's own smart-HTTP server) run as a CGI
 * program behind a small node:http server on port 0. It serves the bare repositories under one folder, fetch and
 * push (receive-pack), optionally behind Basic authentication; a repository can refuse pushes with a pre-receive hook,
 * as a protected branch on a forge does.
 */
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { execGit } from '../../pipeline/adapters/git.ts';
import { scratchDir } from './scratch.ts';

export interface GitHttpServer {
  /** The folder holding the bare repositories. */
  root: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Create a bare repository NAME.git (branch main); `refuse`: its pre-receive hook rejects every push. */
  create(name: string, options?: { refuse?: string }): Promise<{ path: string; url: string }>;
  /** Requests served: method and path (with the query). */
  seen: string[];
  close(): Promise<void>;
}

/** Run git http-backend for one request (CGI/1.1): the request body on its stdin, its headers and body back. */
function cgi(root: string, req: IncomingMessage, res: ServerResponse, user: string | undefined): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_ADDR: '127.0.0.1',
    // receive-pack is served to an authenticated user only (or with http.receivepack set).
    ...(user ? { REMOTE_USER: user } : {}),
    ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
    ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
    ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
  };
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  req.pipe(child.stdin);
  child.stdin.on('error', () => {});
  let head = Buffer.alloc(0);
  let started = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (started) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const crlf = head.indexOf('\r\n\r\n');
    const lf = head.indexOf('\n\n');
    const end = crlf >= 0 && (lf < 0 || crlf < lf) ? { at: crlf, skip: 4 } : lf >= 0 ? { at: lf, skip: 2 } : null;
    if (!end) return;
    started = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end.at).toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end.at + end.skip));
  });
  child.on('close', () => {
    if (!started) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end();
  });
}

/** Serve the repositories under a new temporary folder; with `auth` (user:password) every request needs it. */
export async function serveGitHttp(options: { auth?: string } = {}): Promise<GitHttpServer> {
  const root = scratchDir('xxgk-git-http-');
  const seen: string[] = [];
  const expected = options.auth ? `Basic ${Buffer.from(options.auth).toString('base64')}` : undefined;
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="git"', 'content-type': 'text/plain' });
      res.end('authentication required\n');
      return;
    }
    cgi(root, req, res, options.auth ? options.auth.split(':')[0] : 'xxgk-test');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    root,
    origin,
    seen,
    async create(name, opts = {}) {
      const path = join(root, `${name}.git`);
      await execGit({ args: ['init', '--quiet', '--bare', '--initial-branch=main', path] });
      if (opts.refuse !== undefined) {
        const hook = join(path, 'hooks', 'pre-receive');
        writeFileSync(hook, `#!/bin/sh\necho ${JSON.stringify(opts.refuse)} >&2\nexit 1\n`);
        chmodSync(hook, 0o755);
      }
      return { path, url: `${origin}/${name}.git` };
    },
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
