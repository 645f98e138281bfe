/**
 * One dcat:Dataset per registry body in the release: its feed (feed/agencies/<id>.json) as the distribution, its page
 * as the landing page, the body itself as dct:creator (a foaf:Agent with its official name and an ADMS publisher
 * type), the division it serves as dct:spatial, and its years as dct:temporal. The publisher stays the project
 * that makes the file available: DCAT-AP 3.0.1 reads dct:publisher as "the entity responsible for making the Dataset
 * available", and the body produced the figures but did not publish this file. Names that did not resolve to the
 * registry get no dataset: the catalog asserts no identity the registry does not give. Pure.
 */
import type { AgencyLevel } from '../model/agency.ts';
import type { DistributionSpec } from './dcat-files.ts';
import { jsonSchema } from './dcat-files.ts';
import type { catalogIris } from './dcat-iris.ts';
import { date, plain, text, words, type Graph, type Literal, type Ref, type Value } from './dcat-vocab.ts';
import { bodyLinks, isNational } from './release-layout.ts';
import { bodySeries } from './series.ts';
import type { ReleaseContext, Text } from './types.ts';

/** ADMS publisher types (the vocabulary DCAT-AP names for an agent's dct:type). */
const ADMS = 'http://purl.org/adms/publishertype/';
const AGENT_TYPE: Record<AgencyLevel, { uri: string; label: Text }> = {
  province: { uri: `${ADMS}RegionalAuthority`, label: { zh: '省级政府机关', en: 'Regional authority' } },
  city: { uri: `${ADMS}LocalAuthority`, label: { zh: '地方政府机关', en: 'Local authority' } },
  county: { uri: `${ADMS}LocalAuthority`, label: { zh: '地方政府机关', en: 'Local authority' } },
  township: { uri: `${ADMS}LocalAuthority`, label: { zh: '地方政府机关', en: 'Local authority' } },
};

export interface BodyGraphInput {
  ctx: ReleaseContext;
  /** The catalog's own nodes, and the external things they link to. */
  g: Graph;
  v: Graph;
  iri: ReturnType<typeof catalogIris>;
  distribution: (datasetKey: string, dist: DistributionSpec, modified?: Literal[]) => Ref;
  /**
   * The national layout's archive of the bodies' files (a release asset), or null: there a body's feed is not in the
   * tree, so the archive is its distribution where the target makes releases, and it has none otherwise.
   */
  archive?: DistributionSpec | null;
  shared: {
    publisher: Ref; contact: Ref; frequency: Ref; themes: Ref[]; language: Ref; license: Ref; series: Ref;
    /** dcat:version, adms:versionNotes, dct:license. */
    release: Record<string, Value[]>;
    issued: Literal[];
  };
}

/** The body datasets, in key order; returns their references for the catalog's dcat:dataset. */
export function bodyDatasets({ ctx, g, v, iri, distribution, archive = null, shared }: BodyGraphInput): Ref[] {
  const { meta } = ctx;
  return bodySeries(ctx.reports).filter((b) => b.body !== null).map((b) => {
    const body = b.body!;
    const key = `body-${b.key}`;
    const first = b.reports[0]!.year;
    const last = b.reports[b.reports.length - 1]!.year;
    const years = first === last ? `${first}` : `${first}–${last}`;
    const type = AGENT_TYPE[body.level];
    const agent = g.add(iri.agent(body.id), ['foaf:Agent'], {
      'foaf:name': [{ '@value': body.name, '@language': 'zh' }],
      'dct:identifier': [plain(body.id)],
      'dct:type': [v.add(type.uri, ['skos:Concept'], { 'skos:prefLabel': text(type.label) })],
    });
    const place = g.add(iri.division(body.division), ['dct:Location'], { 'dct:identifier': [plain(body.division)] });
    const period = g.add(iri.bodyPeriod(body.id), ['dct:PeriodOfTime'], {
      'dcat:startDate': [date(`${first}-01-01`)],
      'dcat:endDate': [date(`${last}-12-31`)],
    });
    const modified = [date(b.modified)];
    const dist: DistributionSpec = {
      key: 'json',
      path: b.feed,
      format: 'json',
      title: { zh: `${body.name}历年数据（JSON）`, en: `Body ${body.id} by year (JSON)` },
      description: {
        zh: '名录信息，以及每年一条：报告链接、表三和表四的主要数字、占比和校验警告。',
        en: 'Registry facts, and one entry per year: the report\'s links, the main figures of tables 三 and 四, shares and validation warnings.',
      },
      conformsTo: [jsonSchema('feed-agency.schema.json', { zh: '机关历年数据的 JSON Schema', en: 'JSON Schema of a body\'s file' })],
    };
    const dataset = g.add(iri.dataset(key), ['dcat:Dataset'], {
      'dct:title': text({
        zh: `${body.name}：政府信息公开申请与复议诉讼历年数据`,
        en: `Disclosure requests and appeals by year: body ${body.id}`,
      }),
      'dct:description': text({
        zh: `${body.name}（名录编号 ${body.id}，行政区划代码 ${body.division}）${years} 年政府信息公开工作年度报告中的申请办理和复议诉讼数字，每年一条，附报告链接、占比和校验警告。`,
        en: `Figures on disclosure requests and appeals from the ${years} annual reports of ${body.name} (registry id ${body.id}, division ${body.division}): one entry per year with links to the report, shares and validation warnings.`,
      }),
      'dct:identifier': [plain(iri.dataset(key))],
      'dcat:keyword': words({ zh: [...meta.keywords.zh, body.name], en: [...meta.keywords.en] }),
      'dcat:theme': shared.themes,
      'dct:language': [shared.language],
      'dct:publisher': [shared.publisher],
      'dct:creator': [agent],
      'dcat:contactPoint': [shared.contact],
      'dct:spatial': [place],
      'dct:temporal': [period],
      'dct:accrualPeriodicity': [shared.frequency],
      'dct:issued': shared.issued,
      'dct:modified': modified,
      ...shared.release,
      'dcat:landingPage': [v.add(`${meta.baseUrl}${bodyLinks(meta, b).page}`, ['foaf:Document'])],
      'dcat:inSeries': [shared.series],
    });
    const dists = !isNational(meta) ? [dist] : archive ? [archive] : [];
    g.add(iri.dataset(key), [], { 'dcat:distribution': dists.map((d) => distribution(key, d, modified)) });
    return dataset;
  });
}
