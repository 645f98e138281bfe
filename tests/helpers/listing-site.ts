/**
 * A small government website on 127.0.0.1 (port 0) for harvesting tests: pages by path, each with an ETag so a
 * conditional request gets 304; redirects; robots.txt. Every request is logged with its status, its conditional
 * headers and its User-Agent. Pages can be changed between runs.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SitePage {
  body: string | Uint8Array;
  /** Default text/html; charset=utf-8. */
  type?: string;
  /** A redirect to this path or URL instead of a body. */
  redirect?: string;
}

export interface ListingSite {
  origin: string;
  pages: Map<string, SitePage>;
  log: Array<{ path: string; status: number; userAgent: string }>;
  close(): Promise<void>;
}

export async function serveSite(pages: Record<string, SitePage>): Promise<ListingSite> {
  const map = new Map(Object.entries(pages));
  const log: ListingSite['log'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const page = map.get(path);
    const answer = (status: number, headers: Record<string, string> = {}, body?: string | Uint8Array) => {
      log.push({ path, status, userAgent: req.headers['user-agent'] ?? '' });
      res.writeHead(status, headers).end(body);
    };
    if (!page) return answer(404, { 'content-type': 'text/plain' }, 'not found');
    if (page.redirect) return answer(302, { location: page.redirect });
    const etag = `"${createHash('sha256').update(page.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return answer(304, { etag });
    answer(200, { 'content-type': page.type ?? 'text/html; charset=utf-8', etag }, page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pages: map,
    log,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

/** A listing page as CMSs print them: a list of dated links, optional pagination HTML and scripts. */
export function listingHtml(links: Array<{ href: string; text: string; title?: string; date?: string }>, extra = '', charset = 'utf-8'): string {
  const items = links.map((l) => `<li><a href="${l.href}"${l.title ? ` title="${l.title}"` : ''} target="_blank">${l.text}</a><span>${l.date ?? ''}</span></li>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>政府信息公开年报</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a></div>
<ul class="list">\n${items}\n</ul>${extra}</body></html>`;
}
