/** A link's href made absolute against its page (and the page's <base>), http(s) only, without its fragment. Pure. */
export function resolveLink(href: string, pageUrl: string, baseHref?: string): string | null {
  const h = href.trim();
  if (!h || /^(?:javascript|mailto|tel):/i.test(h) || h.startsWith('#')) return null;
  let base = pageUrl;
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl).href;
    } catch {
      // an unusable <base> is ignored, as browsers do
    }
  }
  try {
    const url = new URL(h, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
