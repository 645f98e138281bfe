/**
 * Issue 14 §2: network failures in fetching sources are reported as what they are — a persistent 5xx, a dropped
 * connection, a timeout — naming the step (the source's fetch) and the remote, never as a bug; a run in which no
 * source could be fetched exits 2. Against a loopback server, through the CLI.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
let server: Server;
let dir = '';
const hung = new Set<import('node:http').ServerResponse>();

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/down') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
    } else if (req.url === '/drop') {
      req.socket.destroy();
    } else hung.add(res); // never answers: only the client's timeout ends it
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = scratchDir('xxgk-net-');
});
after(async () => {
  for (const res of hung) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

it('xxgk run: a 503, a dropped connection and a timeout are each named with their source and URL; exit 2', { timeout: 120_000 }, async () => {
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const source = (id: string, path: string) => `  - id: ${id}\n    name: 淮安市人民政府\n    region: "320800"\n    url: ${origin}${path}\n`;
  await writeFile(join(dir, 'xxgk.config.yaml'), `sources:\n${source('down', '/down')}${source('drop', '/drop')}${source('hang', '/hang')}publish:\n  repo: publish.git\nlimits:\n  timeoutMs: 1500\n  retries: 0\n`);
  const r = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/xxgk.js'), 'run', '--config', 'xxgk.config.yaml'], { cwd: dir, env: { ...process.env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
  assert.equal(r.code, 2, r.out);
  assert.doesNotMatch(r.out, /internal error/);
  const warned = r.out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string }).map((l) => l.msg);
  const of = (id: string) => warned.find((m) => m.startsWith(`source ${id}: `)) ?? `(none in ${r.out})`;
  assert.match(of('down'), new RegExp(`^source down: ${origin}/down: HTTP 503 Service Unavailable \\(gave up after 1 attempt\\)$`));
  assert.match(of('drop'), new RegExp(`^source drop: ${origin}/drop: (?:UND_ERR_SOCKET|ECONNRESET|other side closed)`));
  assert.match(of('hang'), new RegExp(`^source hang: ${origin}/hang: timed out after 1500 ms`));
  assert.match(r.out, /every source yielded no documents: nothing built or published/);
});
