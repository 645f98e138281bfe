import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../../pipeline/errors.ts';
import { fetchDocument, type FetchOptions } from '../../pipeline/adapters/fetch.ts';
import { decodeText } from '../../pipeline/ingest/decode.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/fetch/${name}`, import.meta.url));
const TITLE = '淮安市人民政府2023年政府信息公开工作年度报告';
const SENTENCE = '本年度主动公开政府信息1234条，收到政府信息公开申请56件。';
const ETAG = '"v1-abc"';
const LAST_MODIFIED = 'Tue, 02 Jan 2024 03:04:05 GMT';

let origin = '';
const hits = new Map<string, number>();
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const n = (hits.get(path) ?? 0) + 1;
  hits.set(path, n);
  const html = (body: Buffer, type = 'text/html') => {
    res.writeHead(200, { 'content-type': type, 'content-length': body.length });
    res.end(body);
  };
  const redirect = /^\/r\/(\d+)$/.exec(path);
  if (redirect) {
    const left = Number(redirect[1]);
    res.writeHead(left % 2 ? 302 : 301, { location: left > 1 ? `/r/${left - 1}` : `${origin}/final/report.pdf` });
    return res.end();
  }
  switch (path) {
    case '/gbk-undeclared.html':
      return html(fixture('gbk-undeclared.html'));
    case '/gbk-header.html':
      return html(fixture('gbk-header.html'), 'text/html; charset=GBK');
    case '/gbk-meta.html':
      return html(fixture('gbk-meta.html'));
    case '/news/2024/page.html':
      return html(fixture('report-page.html'), 'text/html; charset=utf-8');
    case '/final/report.pdf':
      return html(Buffer.from('%PDF-1.7\n'), 'application/pdf');
    case '/etag': {
      if (req.headers['if-none-match'] === ETAG) {
        res.writeHead(304, { etag: ETAG });
        return res.end();
      }
      res.writeHead(200, { etag: ETAG, 'content-type': 'application/pdf' });
      return res.end('%PDF-1.7\n');
    }
    case '/last-modified': {
      const since = req.headers['if-modified-since'];
      if (since && Date.parse(since) >= Date.parse(LAST_MODIFIED)) {
        res.writeHead(304);
        return res.end();
      }
      res.writeHead(200, { 'last-modified': LAST_MODIFIED, 'content-type': 'application/pdf' });
      return res.end('%PDF-1.7\n');
    }
    case '/flaky':
      if (n <= 2) {
        res.writeHead(n === 1 ? 500 : 503);
        return res.end('try later');
      }
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end('%PDF-1.7\n');
    case '/broken':
      res.writeHead(502);
      return res.end();
    case '/missing':
      res.writeHead(404);
      return res.end();
    case '/slow-headers':
      return; // never answers: only the client's timeout can end the request, however slow the machine
    case '/slow-body':
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.write('%PDF-1.7\n');
      return; // the rest never comes
    case '/big-chunked': {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(500, 0x41));
      return res.end();
    }
    case '/big-declared':
      return html(Buffer.alloc(5000, 0x41), 'application/pdf');
    default:
      res.writeHead(404);
      return res.end();
  }
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const noSleep = async (): Promise<void> => {};
const base: FetchOptions = { timeoutMs: 5000, maxBytes: 1_000_000, retries: 0, sleep: noSleep };

async function fetched(url: string, opts: Partial<FetchOptions> = {}) {
  const result = await fetchDocument(url, { ...base, ...opts });
  assert.equal(result.status, 'fetched');
  if (result.status !== 'fetched') throw new Error('unreachable');
  return result;
}

describe('fetchDocument: charsets', () => {
  it('decodes a GBK page that declares no charset anywhere', async () => {
    const r = await fetched(`${origin}/gbk-undeclared.html`);
    assert.equal(r.contentType, 'text/html');
    assert.equal(r.charset, undefined);
    const decoded = decodeText(r.bytes, r.charset ? { declared: r.charset } : {});
    assert.equal(decoded.encoding, 'gb18030');
    assert.ok(decoded.text.includes(TITLE));
    assert.ok(decoded.text.includes(SENTENCE));
  });

  it('reports the charset a Content-Type header declares, and the page decodes with it', async () => {
    const r = await fetched(`${origin}/gbk-header.html`);
    assert.equal(r.charset, 'GBK');
    const decoded = decodeText(r.bytes, { declared: r.charset });
    assert.equal(decoded.encoding, 'gb18030');
    assert.ok(decoded.text.includes(SENTENCE));
  });

  it('decodes a GBK page declared only by a meta tag', async () => {
    const r = await fetched(`${origin}/gbk-meta.html`);
    assert.equal(r.charset, undefined);
    const decoded = decodeText(r.bytes);
    assert.equal(decoded.encoding, 'gb18030');
    assert.ok(decoded.text.includes(TITLE));
  });
});

describe('fetchDocument: conditional requests', () => {
  it('sends If-None-Match and reports a 304 as unchanged', async () => {
    const first = await fetched(`${origin}/etag`);
    assert.equal(first.etag, ETAG);
    assert.deepEqual(await fetchDocument(`${origin}/etag`, { ...base, etag: first.etag }), { status: 'unchanged' });
    assert.equal((await fetched(`${origin}/etag`, { etag: '"other"' })).etag, ETAG);
  });

  it('sends If-Modified-Since and reports a 304 as unchanged', async () => {
    const first = await fetched(`${origin}/last-modified`);
    assert.equal(first.lastModified, LAST_MODIFIED);
    assert.deepEqual(await fetchDocument(`${origin}/last-modified`, { ...base, lastModified: LAST_MODIFIED }), { status: 'unchanged' });
    await fetched(`${origin}/last-modified`, { lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });
  });
});

describe('fetchDocument: retries', () => {
  it('retries 5xx with exponential backoff, then succeeds', async () => {
    const waits: number[] = [];
    const r = await fetched(`${origin}/flaky`, { retries: 3, backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    assert.equal(hits.get('/flaky'), 3);
    assert.deepEqual(waits, [100, 200]);
    assert.equal(Buffer.from(r.bytes).toString(), '%PDF-1.7\n');
  });

  it('gives up after the retries, naming the URL and the status', async () => {
    const waits: number[] = [];
    await assert.rejects(fetchDocument(`${origin}/broken`, { ...base, retries: 2, backoffMs: 10, sleep: async (ms) => void waits.push(ms) }), (err: Error) => {
      assert.ok(err instanceof InputError);
      assert.match(err.message, /\/broken: HTTP 502/);
      assert.match(err.message, /after 3 attempts/);
      return true;
    });
    assert.equal(hits.get('/broken'), 3);
    assert.deepEqual(waits, [10, 20]);
  });

  it('retries network errors (connection refused)', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    let calls = 0;
    const counting: typeof fetch = (input, init) => (calls++, fetch(input, init));
    await assert.rejects(fetchDocument(`http://127.0.0.1:${port}/x`, { ...base, retries: 1, fetch: counting }), /ECONNREFUSED.*after 2 attempts/);
    assert.equal(calls, 2);
  });

  it('does not retry a 404', async () => {
    await assert.rejects(fetchDocument(`${origin}/missing`, { ...base, retries: 3 }), /\/missing: HTTP 404/);
    assert.equal(hits.get('/missing'), 1);
  });
});

describe('fetchDocument: limits', () => {
  it('times out a response whose headers come too late', async () => {
    const started = Date.now();
    await assert.rejects(fetchDocument(`${origin}/slow-headers`, { ...base, timeoutMs: 200 }), /slow-headers: timed out after 200 ms/);
    assert.ok(Date.now() - started < 2000);
  });

  it('times out a body that stalls', async () => {
    await assert.rejects(fetchDocument(`${origin}/slow-body`, { ...base, timeoutMs: 200 }), /slow-body: timed out after 200 ms/);
  });

  it('stops reading a streamed document past maxBytes, naming the URL', async () => {
    await assert.rejects(fetchDocument(`${origin}/big-chunked`, { ...base, maxBytes: 1000 }), (err: Error) => {
      assert.ok(err instanceof InputError);
      assert.ok(err.message.startsWith(`${origin}/big-chunked: `), err.message);
      assert.match(err.message, /larger than the limit of 1000 bytes/);
      return true;
    });
    assert.equal((await fetched(`${origin}/big-chunked`, { maxBytes: 5000 })).bytes.length, 5000);
  });

  it('refuses a document whose Content-Length is past maxBytes', async () => {
    await assert.rejects(fetchDocument(`${origin}/big-declared`, { ...base, maxBytes: 4999 }), /big-declared: the document is 5000 bytes, larger than the limit of 4999 bytes/);
  });
});

describe('fetchDocument: redirects and attachments', () => {
  it('follows a redirect chain and reports the final URL', async () => {
    const r = await fetched(`${origin}/r/5`);
    assert.equal(r.url, `${origin}/final/report.pdf`);
    assert.equal(r.contentType, 'application/pdf');
    assert.deepEqual(r.attachments, []);
  });

  it('refuses more than 5 redirects', async () => {
    await assert.rejects(fetchDocument(`${origin}/r/6`, base), /more than 5 redirects/);
  });

  it('lists a report page’s .pdf/.docx/.doc attachments, absolute, in document order, once each', async () => {
    const r = await fetched(`${origin}/news/2024/page.html`);
    assert.equal(r.charset, 'utf-8');
    assert.deepEqual(r.attachments, [
      `${origin}/files/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf`,
      `${origin}/news/2024/attachments/report.DOCX`,
      `${origin}/news/old/report-2022.doc?download=1`,
    ]);
  });
});
