import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONFIG_ENV, DEFAULTS, loadConfig, releaseMeta } from '../../pipeline/config.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { ConfigError } from '../../pipeline/errors.ts';
import { READ_LIMITS } from '../../pipeline/ingest/limits.ts';

const example = readFileSync(new URL('../../xxgk.config.yaml', import.meta.url), 'utf8');

const minimal = (extra = '', source = '    url: https://www.huaian.gov.cn/art/2024/report.html') => `
sources:
  - id: huaian-city-gov
    name: 淮安市人民政府
    region: "320800"
${source}
publish:
  repo: output/publish.git
${extra}`;

function problems(text: string, env: Record<string, string | undefined> = {}): readonly string[] {
  try {
    loadConfig(text, 'conf/xxgk.config.yaml', env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    assert.equal(err.file, 'conf/xxgk.config.yaml');
    assert.ok(err.message.startsWith('conf/xxgk.config.yaml: '));
    return err.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('loadConfig: the example', () => {
  it('takes the readers\' limits under limits:, each bad one named', () => {
    const c = loadConfig(minimal('limits:\n  maxHtmlDepth: 40\n  maxFieldLength: 80\n  maxUnzippedBytes: 1000\n'), 'x.yaml', {});
    assert.deepEqual(c.limits, { ...READ_LIMITS, timeoutMs: 30000, concurrency: 2, retries: 3, maxHtmlDepth: 40, maxFieldLength: 80, maxUnzippedBytes: 1000 });
    assert.deepEqual([...problems(minimal('limits:\n  maxPdfPages: 0\n  maxPdfSegments: many\n  maxHtmlDepth: 1e9\n'))].sort(), [
      'limits.maxHtmlDepth: expected a number <= 100000',
      'limits.maxPdfPages: expected a number >= 1',
      'limits.maxPdfSegments: expected a whole number',
    ]);
  });

  it('loads xxgk.config.yaml with its sources, target, schedule and limits', () => {
    const c = loadConfig(example, 'xxgk.config.yaml', {});
    assert.equal(c.sources.length, 4);
    assert.deepEqual(c.sources[0], {
      id: 'beiyuan-province-gov',
      name: '北原省人民政府',
      region: '610000',
      kind: 'path',
      path: 'samples/synthetic/2019_beiyuanshengrenminzhengfu-24353e/report.docx',
    });
    assert.equal(c.sources[3]?.kind, 'inbox');
    assert.deepEqual(c.publish, { repo: 'output/publish.git', target: { kind: 'git', location: 'output/publish.git' }, branch: 'main', timeoutMs: 120_000, retries: 3 });
    assert.deepEqual(c.schedule, { cron: '0 6 * * 1', timezone: 'Asia/Shanghai' });
    assert.deepEqual(c.limits, { ...READ_LIMITS, timeoutMs: 30000, maxBytes: 20 * 1024 * 1024, concurrency: 2, retries: 3 });
    assert.deepEqual(c.github, { apiUrl: 'https://api.github.com' });
  });

  it('.env.example lists every variable the config reads', () => {
    const listed = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    for (const name of [...CONFIG_ENV, 'SOURCE_DATE_EPOCH']) assert.match(listed, new RegExp(`^${name}=`, 'm'));
  });
});

describe('loadConfig: defaults and resolution', () => {
  it('fills defaults and resolves paths against the config file’s folder', () => {
    const c = loadConfig(minimal('', '    path: ../reports/*.docx'), 'conf/xxgk.config.yaml', {});
    assert.deepEqual(c.sources[0], { id: 'huaian-city-gov', name: '淮安市人民政府', region: '320800', kind: 'path', path: 'reports/*.docx' });
    assert.deepEqual(c.publish.target, { kind: 'git', location: 'conf/output/publish.git' });
    assert.equal(c.schedule, undefined);
    assert.deepEqual(c.limits, { ...READ_LIMITS, timeoutMs: DEFAULTS.timeoutMs, maxBytes: DEFAULTS.maxBytes, concurrency: 2, retries: 3 });
  });

  it('reads a GitHub OWNER/NAME and a git URL as targets, and an unquoted region as its code', () => {
    const gh = loadConfig(minimal().replace('output/publish.git', 'xxgk-data/reports').replace('"320800"', '320800'), 'x.yaml', {});
    assert.deepEqual(gh.publish.target, { kind: 'github', owner: 'xxgk-data', name: 'reports' });
    assert.equal(gh.sources[0]?.region, '320800');
    const url = loadConfig(minimal().replace('output/publish.git', 'https://git.example.org/data.git'), 'x.yaml', {});
    assert.deepEqual(url.publish.target, { kind: 'git', location: 'https://git.example.org/data.git' });
  });
});

describe('loadConfig: environment', () => {
  it('takes GITHUB_TOKEN and GITHUB_API_URL from the environment, over the file', () => {
    const text = minimal('  apiUrl: https://ghe.example.org/api/v3/').replace('publish:\n  repo: output/publish.git\n', 'publish:\n  repo: output/publish.git\n');
    assert.equal(loadConfig(text, 'x.yaml', {}).github.apiUrl, 'https://ghe.example.org/api/v3');
    const c = loadConfig(text, 'x.yaml', { GITHUB_TOKEN: ' ghp_secret ', GITHUB_API_URL: 'https://other.example.org/api/' });
    assert.deepEqual(c.github, { token: 'ghp_secret', apiUrl: 'https://other.example.org/api' });
  });

  it('does not let the environment override anything but secrets', () => {
    const c = loadConfig(minimal(), 'x.yaml', { XXGK_BRANCH: 'dev', BRANCH: 'dev', TIMEOUT_MS: '5' });
    assert.equal(c.publish.branch, 'main');
    assert.equal(c.limits.timeoutMs, 30000);
  });

  it('refuses a GITHUB_API_URL that is not a URL', () => {
    assert.deepEqual(problems(minimal(), { GITHUB_API_URL: 'ghe.example.org' }), ['GITHUB_API_URL (environment): expected an http(s) URL']);
  });
});

describe('loadConfig: problems, one per bad field', () => {
  it('refuses a token written in the file', () => {
    assert.deepEqual(problems(minimal('  token: ghp_abcdefghijklmnopqrstuvwxyz0123')), [
      'publish.token: a token does not belong in the config file; set GITHUB_TOKEN in the environment instead',
    ]);
    assert.deepEqual(problems(`${minimal()}GITHUB_TOKEN: abc\n`), [
      'GITHUB_TOKEN: a token does not belong in the config file; set GITHUB_TOKEN in the environment instead',
    ]);
    assert.match(problems(minimal().replace('xxgk', '').replace('淮安市人民政府', 'github_pat_11ABCDEFG0123456789_abcdefghijk'))[0] ?? '', /^sources\[0\]\.name: looks like a GitHub token/);
  });

  it('publish.timeoutMs and publish.retries: whole numbers in range, each named', () => {
    assert.deepEqual(problems(minimal('  timeoutMs: 1.5\n  retries: 11')), ['publish.timeoutMs: expected a whole number', 'publish.retries: expected a number <= 10']);
    assert.deepEqual(problems(minimal('  timeoutMs: 0\n  retries: "2"')), ['publish.timeoutMs: expected a number >= 1', 'publish.retries: expected a whole number']);
    const c = loadConfig(minimal('  timeoutMs: 30000\n  retries: 0'), 'x.yaml', {});
    assert.deepEqual([c.publish.timeoutMs, c.publish.retries], [30_000, 0]);
  });

  it('names each bad field and what was expected, all at once', () => {
    const text = `
sources:
  - id: huaian-city-gov
    name: 淮安市人民政府
    region: "320800"
    url: https://www.huaian.gov.cn/report.html
  - id: Huai An
    name: 洪泽区人民政府
    region: "32080"
    path: reports/hongze.docx
  - id: lianshui
    name: 涟水县人民政府
    region: "320826"
    url: ftp://example.org/report.pdf
  - id: qinghe
    name: 清江浦区人民政府
    region: "320812"
    url: https://example.org/a.pdf
    inbox: inbox/qinghe
  - id: huaian-city-gov
    region: "320800"
    inbox: inbox/huaian
publish:
  branch: main
schedule:
  cron: "every monday"
  timezone: Asia/Beijing
limits:
  timeoutMs: fast
  retries: -1
  concurrency: 2.5
  colour: blue
`;
    assert.deepEqual([...problems(text)].sort(), [
      'limits.colour: unknown field',
      'limits.concurrency: expected a whole number',
      'limits.retries: expected a number >= 0',
      'limits.timeoutMs: expected a whole number',
      'publish.repo: required',
      'schedule.cron: expected a cron expression (e.g. "0 6 * * 1"), got "every monday"',
      'schedule.timezone: expected an IANA time zone (e.g. "Asia/Shanghai"), got "Asia/Beijing"',
      'sources[1].id: expected an ASCII slug (lower-case letters, digits and hyphens, e.g. "huaian-city")',
      'sources[1].region: expected a six-digit GB/T 2260 region code (e.g. "320800")',
      'sources[2].url: expected an http(s) URL',
      'sources[3]: expected exactly one of url, path, inbox, listing',
      'sources[4].id: "huaian-city-gov" is already used by sources[0]',
      'sources[4].name: required',
    ]);
  });

  it('asks for one of url, path, inbox when a source has none', () => {
    assert.deepEqual(problems(minimal('', '')), ['sources[0]: expected exactly one of url, path, inbox, listing']);
  });

  it('reports YAML syntax errors and a file that is not a mapping', () => {
    assert.match(problems('sources: [\n')[0] ?? '', /^YAML: /);
    assert.deepEqual(problems('- a\n- b\n'), ['(top level): expected a mapping with sources and publish']);
    assert.deepEqual([...problems('')].sort(), ['publish: required', 'sources: required']);
  });
});

describe('loadConfig: listing sources, harvest and coverage', () => {
  it('reads a listing with its match and first year, the harvest politeness and the expected divisions', () => {
    const text = minimal('harvest:\n  contact: https://example.org/contact\n  delayMs: 500\ncoverage:\n  divisions: ["320800"]\n  since: 2020\n',
      '    listing: https://www.huaian.gov.cn/xxgk/ndbg/index.html\n    match: 教育局');
    const config = loadConfig(text, '/srv/xxgk/xxgk.config.yaml', {});
    assert.deepEqual(config.sources[0], {
      id: config.sources[0]!.id, name: config.sources[0]!.name, region: config.sources[0]!.region,
      kind: 'listing', listing: 'https://www.huaian.gov.cn/xxgk/ndbg/index.html', match: '教育局', since: DEFAULTS.since,
    });
    assert.deepEqual(config.harvest, { contact: 'https://example.org/contact', delayMs: 500, maxPages: DEFAULTS.maxPages });
    assert.deepEqual(config.coverage, { divisions: ['320800'], since: 2020 });
  });
  it('takes the harvester\'s contact from the dataset section when harvest.contact is not set', () => {
    const contact = (extra: string) => loadConfig(minimal(extra, '    listing: https://www.huaian.gov.cn/xxgk/ndbg/index.html'), 'x.yaml', {}).harvest.contact;
    const publisher = (more: string) => `dataset:\n  publisher: { name: { zh: 淮安市数据局, en: Huai'an Data Bureau }${more} }\n`;
    assert.equal(contact(publisher(', url: https://data.huaian.gov.cn/')), 'https://data.huaian.gov.cn/');
    assert.equal(contact(`harvest:\n  contact: mailto:ops@example.org\n${publisher(', url: https://data.huaian.gov.cn/')}`), 'mailto:ops@example.org');
    assert.equal(contact(`${publisher('')}  contactPoint: { email: open@huaian.gov.cn, url: https://data.huaian.gov.cn/contact }\n`), 'https://data.huaian.gov.cn/contact');
    assert.equal(contact(publisher(', email: opendata@huaian.gov.cn')), 'mailto:opendata@huaian.gov.cn');
    assert.equal(contact(''), DEFAULTS.contact);
  });
  it('refuses a match on a source that is not a listing, and a pattern that is not a regular expression', () => {
    assert.deepEqual(problems(minimal('', '    url: https://a.example/r.html\n    match: 教育局')), ['sources[0].match: only a listing source takes a match pattern']);
    assert.match(problems(minimal('', '    listing: https://a.example/\n    match: "(教育"'))[0]!, /^sources\[0\]\.match: expected a regular expression/);
  });
  it('takes a listing source\'s maxPages; refuses it on another source', () => {
    const listing = loadConfig(minimal('', '    listing: https://a.example/\n    maxPages: 120'), 'x.yaml', {}).sources[0]!;
    assert.equal(listing.kind === 'listing' && listing.maxPages, 120);
    assert.ok(problems(minimal('', '    url: https://a.example/r.html\n    maxPages: 3')).includes('sources[0].maxPages: only a listing source has pages'));
    assert.ok(problems(minimal('', '    listing: https://a.example/\n    maxPages: 0')).some((p) => /sources\[0\]\.maxPages/.test(p)));
  });
});

describe('loadConfig: the dataset section', () => {
  const dataset = `dataset:
  title: { zh: 淮安市政府信息公开年度报告数据, en: Huai'an disclosure report data }
  description: { zh: 淮安市各机关的年度报告统计表。, en: Tables of the annual reports of Huai'an's bodies. }
  publisher: { name: { zh: 淮安市数据局, en: Huai'an Data Bureau }, url: https://data.huaian.gov.cn/, email: opendata@huaian.gov.cn }
  contactPoint: { name: { zh: 开放数据科, en: Open data office }, email: contact@huaian.gov.cn }
  licence: CC0-1.0
  baseUrl: https://data.huaian.gov.cn/xxgk/latest/
  keywords: { zh: [淮安], en: [Huai'an] }
  theme: [GOVE, REGI]
  spatial: "320800"
  language: [zh]
`;

  it('reads every key into the release metadata; a flag overrides the base URL', () => {
    const c = loadConfig(minimal(dataset), 'x.yaml', {});
    const meta = releaseMeta(c);
    assert.equal(meta.baseUrl, 'https://data.huaian.gov.cn/xxgk/latest/');
    assert.deepEqual(meta.title, { zh: '淮安市政府信息公开年度报告数据', en: "Huai'an disclosure report data" });
    assert.deepEqual(meta.publisher, { name: { zh: '淮安市数据局', en: "Huai'an Data Bureau" }, url: 'https://data.huaian.gov.cn/', email: 'opendata@huaian.gov.cn' });
    assert.deepEqual(meta.contact, { name: { zh: '开放数据科', en: 'Open data office' }, email: 'contact@huaian.gov.cn', url: 'https://data.huaian.gov.cn/' });
    assert.equal(meta.license.id, 'CC0-1.0');
    assert.equal(meta.license.url, 'https://creativecommons.org/publicdomain/zero/1.0/');
    assert.deepEqual(meta.themes, ['GOVE', 'REGI']);
    assert.deepEqual(meta.spatial, { code: '320800' });
    assert.deepEqual(meta.languages, ['zh']);
    assert.equal(releaseMeta(c, 'https://mirror.example.org/x/').baseUrl, 'https://mirror.example.org/x/');
  });

  it('defaults the base URL to the GitHub Pages URL of a GitHub target, else the placeholder', () => {
    const gh = loadConfig(minimal().replace('output/publish.git', 'Huaian-Data/xxgk-reports'), 'x.yaml', {});
    assert.equal(releaseMeta(gh).baseUrl, 'https://huaian-data.github.io/xxgk-reports/latest/');
    const git = loadConfig(minimal(), 'x.yaml', {});
    assert.equal(releaseMeta(git).baseUrl, DEFAULT_META.baseUrl);
    assert.match(DEFAULT_META.baseUrl, /^https:\/\/xxgk\.example\//);
    assert.deepEqual(releaseMeta(git).publisher, DEFAULT_META.publisher);
  });

  it('names each bad field of the section and what was expected', () => {
    const bad = `dataset:
  title: { zh: 标题 }
  publisher: { name: { zh: 甲, en: A }, url: data.huaian.gov.cn, email: not-an-address }
  contactPoint: { email: x@y.cn, phone: "123" }
  licence: MIT
  baseUrl: https://data.huaian.gov.cn/xxgk
  theme: [GOVERNMENT]
  spatial: "3208"
  language: [fr]
  colour: red
`;
    assert.deepEqual([...problems(minimal(bad))].sort(), [
      'dataset.baseUrl: expected an absolute http(s) URL ending with \'/\' (e.g. "https://OWNER.github.io/NAME/latest/")',
      'dataset.colour: unknown field',
      'dataset.contactPoint.phone: unknown field',
      'dataset.language[0]: expected one of "zh", "en"',
      'dataset.licence: expected one of "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODC-By-1.0", "ODbL-1.0", "PDDL-1.0"',
      'dataset.publisher.email: expected an email address (e.g. "opendata@example.gov.cn")',
      'dataset.publisher.url: expected an http(s) URL',
      'dataset.spatial: expected a six-digit GB/T 2260 region code (e.g. "320800")',
      'dataset.theme[0]: expected one of "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "OP_DATPRO", "REGI", "SOCI", "TECH", "TRAN"',
      'dataset.title.en: required',
    ]);
  });

  it('takes a licence xxgk does not know as {id, title, url}', () => {
    const c = loadConfig(minimal('dataset:\n  licence: { id: OGL-UK-3.0, title: Open Government Licence v3.0, url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" }\n'), 'x.yaml', {});
    assert.equal(releaseMeta(c).license.id, 'OGL-UK-3.0');
    assert.deepEqual(problems(minimal('dataset:\n  licence: { id: X }\n')).slice().sort(), ['dataset.licence.title: required', 'dataset.licence.url: required']);
  });
});
