/**
 * The per-body pages and the rankings: a page per body with its time-series charts and links to each year's report,
 * report pages linking back, the index and agencies/index.html ranking bodies by requests received and by share
 * refused (checked against an order recomputed here from timeseries.csv), with the sample behind each figure; all
 * of it escaped, script-free and with relative links only.
 */
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { before, test } from 'node:test';
import { load, type CheerioAPI } from 'cheerio';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { MIN_HANDLED } from '../../pipeline/datasets/site/rankings.ts';
import { buildBodies, BODIES, UNRESOLVED, UNRESOLVED_KEY, type BuiltBodies } from '../helpers/body-release.ts';
import { readCsv } from '../helpers/observed-figures.ts';
import { joinedCsv } from '../helpers/release.ts';

let built: BuiltBodies;
let series: Array<Record<string, string>>;
before(async () => {
  built = await buildBodies();
  series = readCsv(joinedCsv(built.files, 'data/timeseries.csv'));
});

const html = (path: string): CheerioAPI => {
  const text = built.files.get(path);
  assert.ok(text, `${path} is built`);
  return load(text);
};
/** A link of a page, resolved to a path in the release (without fragment). */
const target = (from: string, href: string) => posix.normalize(posix.join(posix.dirname(from), decodeURIComponent(href.split('#')[0]!)));

const KEYS = [...Object.values(BODIES).map((b) => b.id), UNRESOLVED_KEY];

test('a page per body: charts of received, handled, share refused, reconsiderations and lawsuits over its years', () => {
  for (const key of KEYS) {
    const path = `agencies/${key}.html`;
    const $ = html(path);
    const rows = series.filter((r) => r.body_id === key);
    const years = rows.map((r) => Number(r.year));
    const span = Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, k) => years[0]! + k);
    const charts: Array<[string, (r: Record<string, string>) => string]> = [
      ['body-received', (r) => r.received!],
      ['body-handled', (r) => r.handled!],
      ['body-refused-share', (r) => (r.refused_rate ? String(Math.round(Number(r.refused_rate) * 1000) / 10) : '')],
      ['body-reconsiderations', (r) => r.reconsiderations!],
      ['body-lawsuits', (r) => r.lawsuits!],
    ];
    for (const [id, value] of charts) {
      const svg = $(`svg#${id}`);
      assert.equal(svg.length, 1, `${path} ${id}`);
      const points = svg.find('g.point');
      assert.deepEqual(points.map((_, p) => Number($(p).attr('data-year'))).get(), span, `${path} ${id}: every year of its span`);
      for (const year of span) {
        const row = rows.find((r) => r.year === String(year));
        const point = svg.find(`g.point[data-year="${year}"]`);
        const expected = row ? value(row) : '';
        if (expected === '') assert.ok(point.hasClass('missing'), `${path} ${id} ${year}: missing`);
        else assert.equal(point.attr('data-value'), String(Number(expected)), `${path} ${id} ${year}`);
      }
    }
  }
  // The department has no report for 2022: its charts show the gap.
  assert.equal(html('agencies/jiangsu-huaian-ziranziyuan.html')('svg#body-received g.point.missing[data-year="2022"]').length, 1);
});

test('the body page lists every year with a link to that year\'s report page and JSON, and its registry facts', () => {
  for (const key of KEYS) {
    const path = `agencies/${key}.html`;
    const $ = html(path);
    const rows = series.filter((r) => r.body_id === key);
    const listed = $('#years tbody tr').map((_, tr) => $(tr).attr('data-report')).get();
    assert.deepEqual(listed, rows.map((r) => r.report_id));
    for (const r of rows) {
      const tr = $(`#years tr[data-report="${r.report_id}"]`);
      const links = tr.find('a').map((_, a) => target(path, $(a).attr('href')!)).get();
      assert.ok(links.includes(`reports/${r.year}/${r.report_id}.html`), `${path} links the ${r.year} report page`);
      assert.ok(links.includes(`reports/${r.year}/${r.report_id}.json`));
      for (const l of links) assert.ok(built.files.has(l), `${path}: ${l} exists`);
      assert.equal(tr.find('td[data-key="received"]').text(), r.received === '' ? '—' : Number(r.received).toLocaleString('en-US'));
    }
    for (const a of $('a[href]').toArray()) {
      const href = $(a).attr('href')!;
      if (/^(https?:|mailto:)/.test(href)) continue;
      assert.ok(built.files.has(target(path, href)), `${path}: link ${href} resolves in the release`);
    }
    assert.equal($('script').length, 0);
    assert.equal($('[src]').length, 0);
  }
  const $ = html('agencies/jiangsu-huaian-hongze.html');
  const about = $('#about').text();
  for (const want of ['jiangsu-huaian-hongze', '320813', '县级', '人民政府', '洪泽区人民政府', '淮安市人民政府']) assert.ok(about.includes(want), want);
  assert.equal(target('agencies/jiangsu-huaian-hongze.html', $('#about a[href$="jiangsu-huaian.html"]').attr('href')!), 'agencies/jiangsu-huaian.html', 'parent linked');
  const city = html('agencies/jiangsu-huaian.html');
  const children = city('#about li a').map((_, a) => city(a).attr('href')).get();
  assert.deepEqual(children.sort(), ['jiangsu-huaian-hongze.html', 'jiangsu-huaian-lianshui.html', 'jiangsu-huaian-ziranziyuan.html']);
});

test('a name that did not resolve: its page says so, and the name is escaped text, never markup', () => {
  const path = `agencies/${UNRESOLVED_KEY}.html`;
  const text = built.files.get(path)!;
  assert.ok(!text.includes('<script>alert(1)</script>'));
  assert.ok(text.includes('=cmd|&lt;script&gt;alert(1)&lt;/script&gt;局'));
  const $ = load(text);
  assert.equal($('h1').text().startsWith(UNRESOLVED), true);
  assert.match($('.badge.warn').first().text(), /名称未匹配机关名录/);
  assert.equal($('#about dd').eq(2).text(), '—', 'no level');
});

test('report pages link to their body\'s page', () => {
  for (const { report } of built.reports) {
    const path = `reports/${report.year}/${report.id}.html`;
    const $ = html(path);
    const link = $('a.body-link');
    assert.equal(link.length, 1, path);
    const key = report.body?.id ?? UNRESOLVED_KEY;
    assert.equal(target(path, link.attr('href')!), `agencies/${key}.html`);
    assert.ok(link.text().includes(report.body?.name ?? UNRESOLVED));
  }
});

/** The rankings recomputed from timeseries.csv: Σ received; Σ refused / Σ handled over rows printing both with handled > 0. */
function expectedRankings() {
  const bodies = new Map<string, { name: string; received: number | null; refused: number; handled: number; n: number }>();
  for (const r of series) {
    const b = bodies.get(r.body_id!) ?? { name: r.body_name!.replace(/^'/, ''), received: null, refused: 0, handled: 0, n: 0 };
    if (r.received !== '') b.received = (b.received ?? 0) + Number(r.received);
    if (r.refused !== '' && r.handled !== '' && Number(r.handled) > 0) {
      b.refused += Number(r.refused);
      b.handled += Number(r.handled);
      b.n++;
    }
    bodies.set(r.body_id!, b);
  }
  const all = [...bodies].map(([key, b]) => ({ key, ...b }));
  const byName = (a: { name: string; key: string }, b: { name: string; key: string }) =>
    (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const received = all.filter((b) => b.received !== null).sort((a, b) => b.received! - a.received! || byName(a, b));
  const refused = all.filter((b) => b.handled >= MIN_HANDLED)
    .sort((a, b) => b.refused / b.handled - a.refused / a.handled || b.handled - a.handled || byName(a, b));
  return { all, received, refused };
}

test('the index ranks bodies by requests received and by share refused, in the right order, with their samples', () => {
  const whole = expectedRankings();
  assert.ok(whole.refused.length >= 3 && whole.refused.length < whole.all.length, 'the threshold leaves some bodies out');
  // index.html shows the first 20 of each ranking, agencies/index.html all of them.
  for (const [path, top] of [['index.html', 20], ['agencies/index.html', Infinity]] as const) {
    const $ = html(path);
    const expected = expectedRankings();
    expected.received.splice(top);
    expected.refused.splice(top);
    const received = $('#rank-received tbody tr');
    assert.deepEqual(received.map((_, tr) => $(tr).attr('data-body')).get(), expected.received.map((b) => b.key), `${path} by received`);
    received.each((k, tr) => {
      const b = expected.received[k]!;
      assert.equal($(tr).find('td[data-value]').attr('data-value'), String(b.received));
      const n = series.filter((r) => r.body_id === b.key);
      assert.equal($(tr).find('td').eq(2).text(), `${n.filter((r) => r.received !== '').length} / ${n.length}`, 'reports behind the sum');
    });
    const refused = $('#rank-refused tbody tr');
    assert.deepEqual(refused.map((_, tr) => $(tr).attr('data-body')).get(), expected.refused.map((b) => b.key), `${path} by share refused`);
    refused.each((k, tr) => {
      const b = expected.refused[k]!;
      const cell = $(tr).find('td[data-handled]');
      assert.deepEqual([cell.attr('data-refused'), cell.attr('data-handled')], [String(b.refused), String(b.handled)]);
      assert.equal(cell.text(), `${((100 * b.refused) / b.handled).toFixed(1)}%`);
      assert.equal($(tr).find('td').eq(3).text(), String(b.n), 'reports behind the share');
    });
    for (const a of $('#rankings a[href]').toArray()) assert.ok(built.files.has(target(path, $(a).attr('href')!)), `${path}: ${$(a).attr('href')}`);
  }
  // The unresolved name ranks among the others, marked and escaped.
  const $ = html('index.html');
  const row = $(`#rank-received tr[data-body="${UNRESOLVED_KEY}"]`);
  assert.equal(row.length, 1);
  assert.match(row.find('.badge.warn').text(), /未匹配/);
  assert.equal(row.find('th a').text(), UNRESOLVED);
});

test('the index counts and links the bodies, and lists feed/agencies.json but not each body\'s file', () => {
  const $ = html('index.html');
  const bodies = $('#release dt').filter((_, dt) => $(dt).text().includes('Bodies')).next();
  assert.equal(bodies.text(), String(KEYS.length));
  assert.equal(target('index.html', bodies.find('a').attr('href')!), 'agencies/index.html');
  const downloads = $('#downloads tr[data-file]').map((_, tr) => $(tr).attr('data-file')).get();
  for (const p of ['data/timeseries/2019.csv', 'data/regions.csv', 'feed/agencies.json']) assert.ok(downloads.includes(p), p);
  assert.ok(!downloads.some((p) => p.startsWith('feed/agencies/')));
  const all = html('agencies/index.html');
  assert.equal(all('script').length, 0);
  for (const a of all('a[href]').toArray()) {
    const href = all(a).attr('href')!;
    assert.ok(/^(https?:|mailto:)/.test(href) ? [DEFAULT_META.license.url, `mailto:${DEFAULT_META.contact.email}`].includes(href) : built.files.has(target('agencies/index.html', href)), href);
  }
});
