/** The wording of rule issues: an equation written out with its numbers, in zh and en. Pure. */
import type { Issue } from '../model/issue.ts';
import type { Location } from '../model/report.ts';
import type { TableId } from '../model/template.ts';
import { type Mismatch, type Term, numberOf } from './terms.ts';

type Lang = 'zh' | 'en';

/** Sides longer than this list only their non-zero numbers. */
const LIST_ALL_UP_TO = 4;

function operand(term: Term, lang: Lang): string {
  const n = numberOf(term.cell);
  const cell = term.cell;
  let shown: string;
  if (n !== null) shown = String(n);
  else if (cell?.kind === 'not_applicable') shown = `"${cell.raw ?? '-'}"`;
  else if (!cell || cell.kind === 'absent') shown = lang === 'zh' ? '未列出' : 'not printed';
  else shown = lang === 'zh' ? '空白' : 'blank';
  return `${term.label[lang]} ${shown}`;
}

/** "received 77 + carried over 0" (long sides: only the terms that printed a non-zero number). */
export function describeSide(terms: Term[], lang: Lang): string {
  const shown = terms.length <= LIST_ALL_UP_TO ? terms : terms.filter((t) => (numberOf(t.cell) ?? 0) !== 0);
  if (shown.length === 0) return lang === 'zh' ? '各项均为 0 或空白' : 'all items 0 or blank';
  const text = shown
    .map((t, i) => {
      const op = operand(t, lang);
      if (i === 0) return t.sign < 0 ? `− ${op}` : op;
      return `${t.sign < 0 ? '−' : '+'} ${op}`;
    })
    .join(' ');
  if (shown.length === terms.length) return text;
  return lang === 'zh' ? `${text}（其余各项为 0 或空白）` : `${text} (other items 0 or blank)`;
}

export function blanksNote(blanks: string[], lang: Lang): string {
  if (blanks.length === 0) return '';
  return lang === 'zh'
    ? `（空白或“-”的单元格按 0 计：${blanks.join('、')}）`
    : ` (blank or "-" cells counted as 0: ${blanks.join(', ')})`;
}

/** Why an equation over cells the source does not print is not a finding: it cannot be checked. */
export function absentNote(absent: string[], lang: Lang): string {
  if (absent.length === 0) return '';
  return lang === 'zh'
    ? `；原表未列出 ${absent.join('、')}（table.row_missing），无法核对，仅供参考`
    : `; not checked: the source does not print ${absent.join(', ')} (table.row_missing), so this is information only`;
}

/** A rule over cells the source does not print is information, not a warning: its figures are unknown. */
export function severityOf(m: Mismatch): Issue['severity'] {
  return m.absent.length > 0 ? 'info' : 'warning';
}

function equation(left: Term[], right: Term[], m: Mismatch, lang: Lang): string {
  const l = describeSide(left, lang);
  const [only] = right;
  if (right.length === 1 && only) {
    return lang === 'zh'
      ? `${l} = ${m.expected}，但${only.label.zh}为 ${m.found}`
      : `${l} = ${m.expected}, but ${only.label.en} is ${m.found}`;
  }
  const r = describeSide(right, lang);
  return lang === 'zh' ? `${l} = ${m.expected}，但 ${r} = ${m.found}` : `${l} = ${m.expected}, but ${r} = ${m.found}`;
}

export interface MismatchContext {
  rule: string;
  report: string;
  table: TableId;
  row?: string;
  column?: string;
  /** What the equation is about, e.g. { zh: '自然人列', en: 'natural_person' }. */
  scope: { zh: string; en: string };
  left: Term[];
  right: Term[];
  related?: string[];
  source?: Location;
}

/** The warning for an equation that does not add up in the source itself (information, when it needs absent cells). */
export function mismatchIssue(ctx: MismatchContext, m: Mismatch): Issue {
  const issue: Issue = {
    rule: ctx.rule,
    severity: severityOf(m),
    report: ctx.report,
    table: ctx.table,
    ...(ctx.row !== undefined ? { row: ctx.row } : {}),
    ...(ctx.column !== undefined ? { column: ctx.column } : {}),
    expected: m.expected,
    found: m.found,
    message: {
      zh: `${ctx.rule}（${ctx.scope.zh}）：${equation(ctx.left, ctx.right, m, 'zh')}${blanksNote(m.blanks, 'zh')}${absentNote(m.absent, 'zh')}`,
      en: `${ctx.rule}, ${ctx.scope.en}: ${equation(ctx.left, ctx.right, m, 'en')}${blanksNote(m.blanks, 'en')}${absentNote(m.absent, 'en')}`,
    },
  };
  const own = [...ctx.left, ...ctx.right].map((t) => t.ref).filter((ref) => !ref.includes(':'));
  if (own.length) issue.cells = own;
  if (m.blanks.length) issue.blanksAsZero = m.blanks;
  if (m.absent.length) issue.absent = m.absent;
  if (ctx.related?.length) issue.related = ctx.related;
  const source = ctx.source ?? ctx.right.find((t) => t.cell?.source)?.cell?.source;
  if (source) issue.source = source;
  return issue;
}
