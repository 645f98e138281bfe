/**
 * dictionary.html: the data dictionary on the site — every CSV, what one row is, every column with its zh/en title,
 * its header in the Chinese twin, type, unit and definitions, how blanks, "-" and derived values are written, and
 * the code lists. Made from the same model as docs/data-dictionary.md (../dictionary.ts), so it cannot drift from
 * the Table Schemas. Pure.
 */
import { CONVENTIONS, TYPE_NAMES, cellKinds, codeTables, dictionaryFiles, type CodeEntry, type DictionaryColumn, type DictionaryFile } from '../dictionary.ts';
import { partFolder, partsOf } from '../partitions.ts';
import { PARTITIONED } from '../table-schemas.ts';
import type { FileStat, ReleaseContext } from '../types.ts';
import { bi, esc, href } from './html.ts';
import { page } from './layout.ts';

export const DICTIONARY_PAGE = 'dictionary.html';

const code = (s: string) => `<code>${esc(s)}</code>`;
const th = (zh: string, en: string) => `<th scope="col">${bi(zh, en)}</th>`;
const both = (t: { zh: string; en: string }) => (t.zh === t.en ? esc(t.zh) : bi(t.zh, t.en));
/** The id of a file's section on the dictionary page (which links each part of a partitioned table). */
export const anchor = (path: string) => `file-${path.replace(/[^a-z0-9]+/gi, '-')}`;

function values(c: DictionaryColumn): string {
  if (c.codeList) return `<a href="#codes-${c.codeList === 'kind' ? 'kind' : 'template'}">${bi('见代码表', 'see the code list')}</a>`;
  return c.values ? c.values.map(code).join(' ') : '';
}

function columnRow(c: DictionaryColumn): string {
  const type = `${bi(TYPE_NAMES[c.type].zh, TYPE_NAMES[c.type].en)}${c.required ? `<br>${bi('必填', 'required')}` : ''}`;
  return `<tr><th scope="row">${code(c.name)}</th><td>${bi(c.title.zh, c.title.en)}</td><td>${c.zhHeaders.map(esc).join('<br>')}</td>`
    + `<td>${type}</td><td>${c.unit ? both(c.unit) : ''}</td><td>${values(c)}</td>`
    + `<td>${esc(c.definition.zh)}<br><span class="en" lang="en">${esc(c.definition.en)}</span></td></tr>`;
}

function fileSection(f: DictionaryFile, files: readonly FileStat[]): string {
  const link = (path: string, text = path) => `<a href="${esc(href(DICTIONARY_PAGE, path))}" download>${esc(text)}</a>`;
  // A partitioned table: its folder, then a link per file of the release (year, part).
  const download = (path: string) => (PARTITIONED.has(path)
    ? `${esc(partFolder(path))}/: ${partsOf(path, files).map((p) => link(p.path, p.path.slice(partFolder(path).length + 1))).join(' ')}`
    : link(path));
  return `<section id="${anchor(f.path)}">
<h2>${esc(f.title.zh)}<br><span class="en" lang="en">${esc(f.title.en)}</span></h2>
<p>${download(f.path)}${f.zhPath ? ` · ${bi('中文表头版', 'Chinese twin')} ${download(f.zhPath)}` : ''}</p>
<p>${esc(f.description.zh)}</p>
<p class="en" lang="en">${esc(f.description.en)}</p>
<p>${bi('一行是', 'One row is')}：${bi(f.row.zh, f.row.en)} · ${bi('主键', 'primary key')}：${f.primaryKey.map(code).join(', ')}</p>
<div class="wrap"><table class="dictionary"><thead><tr>${th('列名', 'Column')}${th('名称', 'Title')}${th('中文表头', 'Chinese header')}${
  th('类型', 'Type')}${th('单位', 'Unit')}${th('取值', 'Values')}${th('定义', 'Definition')}</tr></thead><tbody>
${f.columns.map(columnRow).join('\n')}
</tbody></table></div>
</section>`;
}

const codeRows = (entries: readonly CodeEntry[]) => entries.map((e) =>
  `<tr><th scope="row">${code(e.code)}</th><td>${esc(e.zh)}</td><td lang="en">${esc(e.en)}</td><td>${
    e.editions && e.editions.length === 1 ? bi(`仅 ${e.editions[0]} 版`, `${e.editions[0]} edition only`) : ''}</td></tr>`).join('\n');

function codeLists(): string {
  const head = `<thead><tr>${th('代码', 'Code')}${th('中文', 'Chinese')}${th('英文', 'English')}${th('版本', 'Edition')}</tr></thead>`;
  const kinds = cellKinds().map((k) => `<tr><th scope="row">${code(k.code)}</th><td>${bi(k.zh, k.en)}</td><td lang="en">${esc(k.note)}</td></tr>`);
  const tables = codeTables().map((t) => `<details><summary>${bi(t.title.zh, t.title.en)} ${code(t.table)}</summary>
<h3>${bi('项目（row）', 'Rows')}</h3>
<div class="wrap"><table>${head}<tbody>
${codeRows(t.rows)}
</tbody></table></div>
<h3>${bi('栏目（column）', 'Columns')}</h3>
<div class="wrap"><table>${head}<tbody>
${codeRows(t.columns)}
</tbody></table></div>
</details>`);
  return `<section id="codes-kind">
<h2>${bi('单元格类型（kind）', 'Kinds of cell')}</h2>
<div class="wrap"><table><thead><tr>${th('代码', 'Code')}${th('名称', 'Name')}${th('说明', 'Note')}</tr></thead><tbody>
${kinds.join('\n')}
</tbody></table></div>
</section>
<section id="codes-template">
<h2>${bi('代码表：表、项目和栏目', 'Code lists: tables, rows and columns')}</h2>
<p>${bi('中文为国家模板原文；中文表头版 CSV 在代码旁印出这些名称。', 'The Chinese is the national template\'s wording; the Chinese-twin CSVs print it beside the codes.')}</p>
${tables.join('\n')}
</section>`;
}

export function dictionaryPage(ctx: ReleaseContext): string {
  const files = dictionaryFiles();
  const body = `<p class="crumbs"><a href="${esc(href(DICTIONARY_PAGE, 'index.html'))}">${bi('首页', 'Home')}</a></p>
<h1>数据字典<br><span class="en" lang="en">Data dictionary</span></h1>
<p class="lead">${bi('发布中每个 CSV 文件的每一列的含义。与 datapackage.json 中的表结构和 CSVW 元数据出自同一份描述。',
    'What every column of every CSV of the release means; made from the same descriptions as the Table Schemas in datapackage.json and the CSVW metadata.')}</p>
<section id="conventions">
<h2>${bi('约定', 'Conventions')}</h2>
<ul>
${CONVENTIONS.map((c) => `<li>${esc(c.zh)}<br><span class="en" lang="en">${esc(c.en)}</span></li>`).join('\n')}
</ul>
<ul>
${files.map((f) => `<li><a href="#${anchor(f.path)}">${esc(f.path)}</a> — ${bi(f.title.zh, f.title.en)}</li>`).join('\n')}
</ul>
</section>
${files.map((f) => fileSection(f, ctx.files)).join('\n')}
${codeLists()}`;
  return page({
    path: DICTIONARY_PAGE,
    meta: ctx.meta,
    title: `数据字典 · Data dictionary · ${ctx.meta.title.zh}`,
    description: '每个 CSV 文件每一列的中英文名称、类型、单位和定义，以及代码表。',
    body,
  });
}
