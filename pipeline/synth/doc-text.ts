/**
 * The prose of a synthetic report, shared by every rendering: title, introduction, 一、总体情况 (which states the
 * narrative figures), 五 and 六, and the signature. Drawn from the report's own seed, so that every rendering of one
 * report reads the same.
 */
import { TABLES, type TableId } from '../model/template.ts';
import { describeAgency } from './agencies.ts';
import { createRng, hashString, type Rng } from './prng.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';
import { shiftHeading } from './variants.ts';

export interface Block {
  kind: 'h1' | 'h2' | 'p';
  text: string;
}

/**
 * How the title is printed (each seen in real reports): the agency above "2020年政府信息公开工作年度报告", the agency
 * first ("<agency>2020年度…"), the year first, with spaces, split over two lines, as 年报, or without the agency
 * (then it is only in the signature, and on a web page in its 来源).
 */
export const TITLE_STYLES = ['agency-above', 'agency-first', 'year-first', 'spaced', 'split', 'annual', 'signature-only'] as const;
export type TitleStyle = (typeof TITLE_STYLES)[number];

export interface DocText {
  agency: string;
  titleStyle: TitleStyle;
  /** The title as printed, one entry per line: ["<agency>", "2020年政府信息公开工作年度报告"], … */
  heading: string[];
  /** The title on one line, as documents' metadata and web pages' <title> give it. */
  fullTitle: string;
  /** Blocks before section 二 (introduction and 一、总体情况). */
  before: Block[];
  /** Blocks after section 四 (五 and 六). */
  after: Block[];
  /** The headings of the three tables' sections: the template's, or renumbered 一/二/三 (variants.ts). */
  tableHeadings: Record<TableId, string>;
  /** "2021年1月28日", or null when the report prints no date. */
  date: string | null;
  /** The contact address, for page footers. */
  address: string;
}

export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const ROADS = ['人民路', '建设路', '文化路', '解放大道', '滨河路', '新华路', '政通路', '行政中心路'];

function contact(rng: Rng, agency: string): { address: string; text: string } {
  const place = describeAgency(agency).place;
  const address = `${place}${rng.pick(ROADS)}${rng.int(1, 399)}号`;
  const phone = `0${rng.int(310, 991)}-${rng.int(2000, 8999)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
  const post = String(rng.int(100000, 850000)).slice(0, 4) + '00';
  return { address, text: `（地址：${address}，邮编：${post}，电话：${phone}）` };
}

/** "其中结果维持2件，结果纠正0件，其他结果1件，尚未审结0件": table 四's results of the groups given, summed (as real reports state them). */
function appealResults(v: CompactReport, groups: readonly string[]): string {
  const sum = (column: string): number => groups.reduce((t, g) => {
    const x = v.tables.appeals[g]?.[column];
    return t + (typeof x === 'number' ? x : 0);
  }, 0);
  return `其中结果维持${sum('upheld')}件，结果纠正${sum('corrected')}件，其他结果${sum('other')}件，尚未审结${sum('pending')}件`;
}

function overview(rng: Rng, v: CompactReport, n: NarrativeFigures, results: boolean): Block[] {
  const { agency, year } = v;
  const self = rng.pick(['我局', '本机关', agency]);
  const apps = v.tables.applications;
  const carried = typeof apps.carried_over?.total === 'number' ? apps.carried_over.total : 0;
  const items = rng.int(80, 6000);
  const blocks: Block[] = [
    { kind: 'h1', text: '一、总体情况' },
    {
      kind: 'p',
      text: `${year}年，${agency}深入贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），坚持以公开为常态、不公开为例外，`
        + rng.pick(['不断提升政务公开质量和实效。', '扎实推进政务公开标准化规范化建设。', '持续深化决策、执行、管理、服务、结果公开。']),
    },
    { kind: 'h2', text: '（一）主动公开情况' },
    {
      kind: 'p',
      text: `${year}年，${self}通过门户网站、政务新媒体等平台主动公开政府信息${items}条，`
        + `发布政策解读${rng.int(1, 60)}篇，` + rng.pick(['及时回应社会关切。', '做到应公开尽公开。', '公开内容涵盖机构职能、政策文件、财政预决算等。']),
    },
    { kind: 'h2', text: '（二）依申请公开情况' },
  ];
  const style = rng.int(0, 2);
  const appeals = results
    ? `${year}年，因政府信息公开申请引发行政复议${n.reconsideration}件，${appealResults(v, ['reconsideration'])}；行政诉讼${n.litigation}件，${appealResults(v, ['litigation_direct', 'litigation_after_reconsideration'])}。`
    : `${year}年，因政府信息公开申请引发行政复议${n.reconsideration}件、行政诉讼${n.litigation}件。`;
  if (style === 0) {
    blocks.push({
      kind: 'p',
      text: `${year}年共收到政府信息公开申请${n.received}件，上年结转${carried}件。共答复政府信息公开申请${n.handled}件，`
        + `其中予以公开${n.granted}件，部分公开${n.partially_granted}件，其余均依法作出答复。` + appeals,
    });
  } else if (style === 1) {
    blocks.push(
      { kind: 'p', text: `1.申请情况。${year}年，${self}共收到政府信息公开申请${n.received}件，均在法定期限内答复。` },
      { kind: 'p', text: `2.办理情况。共答复政府信息公开申请${n.handled}件，其中：予以公开${n.granted}件，部分公开${n.partially_granted}件。` },
      { kind: 'p', text: `3.行政复议、行政诉讼情况。${appeals}` },
    );
  } else {
    blocks.push({
      kind: 'p',
      text: `进一步规范依申请公开办理流程，畅通申请渠道。${year}年，共收到政府信息公开申请${n.received}件，`
        + `共答复政府信息公开申请${n.handled}件（含上年度结转申请${carried}件），予以公开${n.granted}件，部分公开${n.partially_granted}件。`
        + (results
          ? `全年政府信息公开行政复议${n.reconsideration}件，${appealResults(v, ['reconsideration'])}；政府信息公开行政诉讼${n.litigation}件，${appealResults(v, ['litigation_direct', 'litigation_after_reconsideration'])}。`
          : `全年政府信息公开行政复议${n.reconsideration}件、行政诉讼${n.litigation}件。`),
    });
  }
  blocks.push(
    { kind: 'h2', text: '（三）政府信息管理情况' },
    { kind: 'p', text: rng.pick([
      '严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，动态调整主动公开目录。',
      '健全政府信息发布审核机制，对拟公开的政府信息进行保密审查和合法性审查，规范公开属性认定。',
    ]) },
    { kind: 'h2', text: '（四）政府信息公开平台建设情况' },
    { kind: 'p', text: rng.pick([
      '持续优化门户网站政府信息公开专栏，规范设置法定主动公开内容栏目，加强政务新媒体日常管理。',
      '以政府网站为第一平台，统筹用好政务新媒体、政务服务大厅等渠道，提升信息发布的及时性和准确性。',
    ]) },
    { kind: 'h2', text: '（五）监督保障情况' },
    { kind: 'p', text: `将政务公开工作纳入年度目标考核，组织开展业务培训${rng.int(1, 6)}次，未发生因政府信息公开工作不到位需要追究责任的情况。` },
  );
  return blocks;
}

/**
 * @param options.shiftedSections the tables under 一/二/三 (then 总体情况 is not numbered and 五/六 become 四/五), as
 * some reports print them (variants.ts).
 */
export function docText(values: CompactReport, narrative: NarrativeFigures, options: { shiftedSections?: boolean; appealResults?: boolean } = {}): DocText {
  const text = plainDocText(values, narrative, options.appealResults ?? false);
  if (!options.shiftedSections) return text;
  const shift = (b: Block): Block => (b.kind === 'h1' ? { ...b, text: shiftHeading(b.text, true).replace(/^一、总体情况$/, '总体情况') } : b);
  return {
    ...text,
    before: text.before.map((b) => (b.kind === 'h1' && b.text === '一、总体情况' ? { ...b, text: '总体情况' } : b)),
    after: text.after.map(shift),
    tableHeadings: { proactive: shiftHeading(TABLES.proactive.zh, true), applications: shiftHeading(TABLES.applications.zh, true), appeals: shiftHeading(TABLES.appeals.zh, true) },
  };
}

function plainDocText(values: CompactReport, narrative: NarrativeFigures, results: boolean): DocText {
  const rng = createRng(hashString(`${values.agency}|${values.year}|text`));
  const { agency, year } = values;
  const c = contact(rng, agency);
  const before: Block[] = [
    {
      kind: 'p',
      text: `本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的政府信息公开工作年度报告格式要求编制。`
        + `本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。如对本报告有疑问，请与${agency}办公室联系${c.text}。`,
    },
    ...overview(rng, values, narrative, results),
  ];
  const edition2021 = values.edition === '2021';
  const after: Block[] = [
    { kind: 'h1', text: rng.pick(['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况']) },
    { kind: 'p', text: `${year}年，${agency}政府信息公开工作取得一定成效，但仍存在政策解读形式不够丰富、公开内容的深度和广度有待提升等问题。`
      + '下一步，将进一步加强队伍建设，提升政务公开工作规范化水平。' },
    { kind: 'h1', text: '六、其他需要报告的事项' },
    { kind: 'p', text: edition2021
      ? rng.pick([`${year}年，本机关未收取政府信息公开信息处理费。`, `依据《政府信息公开信息处理费管理办法》，${year}年收取信息处理费0元。`])
      : '无。' },
  ];
  const titleStyle = rng.weighted<TitleStyle>([
    ['agency-above', 55], ['agency-first', 10], ['year-first', 10], ['spaced', 7], ['split', 7], ['annual', 6], ['signature-only', 5],
  ]);
  const heading = titleLines(titleStyle, agency, year);
  return {
    agency,
    titleStyle,
    heading,
    fullTitle: titleStyle === 'agency-above' || titleStyle === 'annual' ? heading.join('') : heading.join('').replace(/ /g, ''),
    before,
    after,
    tableHeadings: { proactive: TABLES.proactive.zh, applications: TABLES.applications.zh, appeals: TABLES.appeals.zh },
    date: values.published ? chineseDate(values.published) : null,
    address: c.address,
  };
}

/** The title's lines in a style. */
export function titleLines(style: TitleStyle, agency: string, year: number): string[] {
  switch (style) {
    case 'agency-above': return [agency, `${year}年政府信息公开工作年度报告`];
    case 'agency-first': return [`${agency}${year}年度政府信息公开工作年度报告`];
    case 'year-first': return [`${year}年${agency}政府信息公开工作年度报告`];
    case 'spaced': return [`${agency} ${year} 年 政府信息公开工作年度报告`];
    case 'split': return [`${agency}${year}年政府信息公开`, '工作年度报告'];
    case 'annual': return [agency, `${year}年政府信息公开年报`];
    case 'signature-only': return [`${year}年政府信息公开工作年度报告`];
  }
}
