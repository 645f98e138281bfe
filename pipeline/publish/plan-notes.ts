/**
 * Release notes (Markdown): the CHANGELOG.md entry, the tag message and the GitHub release body. They list the
 * reports added and withdrawn, every corrected cell old → new, schema changes, the validation warnings per report
 * and a link to the catalog. Pure.
 */
import type { CellCorrection, ReleasePlan, ReportRef } from './types.ts';

export interface CorrectedReport {
  ref: ReportRef;
  cells: CellCorrection[];
  /** The previous document could not be read: no cell detail. */
  detailUnavailable: boolean;
  /** What else changed in the report (metadata keys, validation). */
  other: string[];
}

export interface NotesInput {
  plan: ReleasePlan;
  today: string;
  catalog: string;
  corrected: CorrectedReport[];
  surface: { removed: string[]; added: string[] };
  /** Surface files that changed but could not be read: not compared. */
  unjudged: string[];
  /** Other data files whose content changed. */
  otherFiles: string[];
}

const BUMP_TEXT: Record<ReleasePlan['bump'], string> = {
  initial: 'First release.',
  major: 'Major release: fields or codes were removed or renamed; code that reads the data may need changes.',
  minor: 'Minor release: reports were added or withdrawn, or fields or codes added; existing fields and codes are unchanged.',
  patch: 'Patch release: values were corrected; fields, codes and the set of reports are unchanged.',
  none: 'Nothing changed.',
};

/** Text from a report, safe inside Markdown (no markup, no HTML). */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const value = (v: number | null) => (v === null ? '(blank)' : String(v));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const describe = (r: ReportRef) => `${code(r.id)} ${mdText(r.agency)}${r.agency ? ' ' : ''}(${r.year})`;

/** The notes' title line: the version and the release date. */
export const notesTitle = (version: string, today: string) => `## v${version} — ${today}`;

export function renderNotes(input: NotesInput): string {
  const { plan } = input;
  const out: string[] = [notesTitle(plan.version, input.today), '', BUMP_TEXT[plan.bump], '', `Catalog: ${input.catalog}`];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', `### ${title}`, '', ...lines);
  };
  section('Fields or codes removed or renamed (breaking)', input.surface.removed.map((s) => `- ${code(s)}`));
  section('Fields or codes added', input.surface.added.map((s) => `- ${code(s)}`));
  section('Not compared', input.unjudged.length === 0 ? [] : [
    'These schema files changed, but the last release\'s copy could not be read to compare their fields and codes:',
    '',
    ...input.unjudged.map((p) => `- ${code(p)}`),
  ]);
  section(`${plan.bump === 'initial' ? 'Reports' : 'Added reports'} (${plan.reports.added.length})`, plan.reports.added.map((r) => `- ${describe(r)}`));
  if (plan.reports.withdrawn.length > 0) {
    section(`Withdrawn reports (${plan.reports.withdrawn.length})`, [
      'Withdrawing reports is a minor release: the data no longer holds them; earlier releases (their tags) still do.',
      '',
      ...plan.reports.withdrawn.map((r) => `- ${describe(r)}${r.reason === undefined ? '' : ` — withdrawn by the operator: ${mdText(r.reason)}`}`),
    ]);
  }
  section(`Corrected reports (${input.corrected.length})`, input.corrected.flatMap((c) => {
    const head = `- ${describe(c.ref)}: ${c.detailUnavailable ? 'cell detail unavailable (the previous document could not be read)' : plural(c.cells.length, 'cell')} corrected`;
    const cells = c.cells.map((x) => `  - ${code(`${x.table}/${x.row}/${x.column}`)}: ${value(x.old)} → ${value(x.new)}`);
    const other = c.other.length > 0 ? [`  - also changed: ${c.other.map(mdText).join(', ')}`] : [];
    return [head, ...cells, ...other];
  }));
  section('Other files changed', input.otherFiles.map((p) => `- ${code(p)}`));
  section('Validation warnings', plan.warnings.length === 0
    ? ['None.']
    : plan.warnings.map((w) => `- ${code(w.report)}: ${w.rules.map(code).join(', ')}`));
  return `${out.join('\n')}\n`;
}

/** One paragraph for the catalog's adms:versionNotes and the site: what this version changed, in numbers. */
export function versionSummary(plan: ReleasePlan, today: string): string {
  if (plan.bump === 'initial') return `First release (${today}): ${plural(plan.reports.added.length, 'report')}.`;
  const parts = [
    plan.reports.added.length ? `${plural(plan.reports.added.length, 'report')} added` : '',
    plan.reports.withdrawn.length ? `${plural(plan.reports.withdrawn.length, 'report')} withdrawn` : '',
    plan.reports.corrected.length ? `${plural(plan.reports.corrected.length, 'report')} corrected (${plural(plan.corrections.length, 'cell')})` : '',
    plan.bump === 'major' ? 'fields or codes removed or renamed' : '',
  ].filter(Boolean);
  return `Version ${plan.version} (${today}, ${plan.bump} release after ${plan.previousVersion}): ${parts.length ? parts.join('; ') : 'data files changed'}. The release notes list every change.`;
}
