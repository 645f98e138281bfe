/**
 * Whether an alignment with template rows missing may stand: only when every printed row is placed by its own label.
 * Otherwise where the gap is would be a guess, and the table is refused with an InputError naming the file, the
 * table, the row and why. Pure.
 */
import { InputError, describeLocation } from '../errors.ts';
import type { Edition, RowDef } from '../model/template.ts';
import type { Alignment } from './align.ts';
import { labelScores } from './label-index.ts';
import type { DataRow } from './segment.ts';

/** Below this, a row's label does not place it when the template rows around it are not all printed. */
const MIN_PLACED_SCORE = 0.5;

/**
 * Rows the source does not print are left absent (validate warns: table.row_missing), but only when every printed row
 * is placed by its own label: each names its template row well, and no other row better. Otherwise where the gap is
 * would be a guess: throws an InputError that names the file, the table, the row and why.
 */
export function checkPlaced(
  where: { file: string; table: string; edition: Edition },
  a: { rows: readonly DataRow[]; alignment: Alignment; defs: readonly RowDef[]; missing: readonly RowDef[] },
): void {
  const names = a.missing.map((d) => `"${d.zh}"`).join(', ');
  if (a.rows.length === 0) {
    throw new InputError(`${where.table}: no row of figures found (expected the rows of the ${where.edition} template)`, where.file);
  }
  a.rows.forEach((row, i) => {
    const def = a.defs[a.alignment.assigned[i]!]!;
    const score = a.alignment.scores[i]!;
    const scores = labelScores(row, a.defs);
    const rival = a.defs.find((d, j) => d !== def && scores[j]! > score);
    if (score >= MIN_PLACED_SCORE && !rival) return;
    const printed = row.label !== '' ? `row "${row.label}"` : 'a row of figures without a label';
    throw new InputError(
      `${where.table}: the rows ${names} of the ${where.edition} template are not printed, and ${printed} (${describeLocation(row.at)}) ` +
        `cannot be placed by its label (${rival ? `its text fits "${rival.zh}" better than "${def.zh}"` : `it does not clearly name "${def.zh}"`}): ` +
        'the table cannot be aligned with the template',
      where.file,
      row.at,
    );
  });
}
