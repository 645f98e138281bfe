/**
 * alignRows remembered per table layout. The alignment is a function of the template rows and of each printed row's
 * label texts alone (its label, own, context and after: what labelScore reads), not of its figures; and the label texts
 * of a table recur report after report (the same template printed by every body, year after year). So the texts make
 * the key, and a table printed as one seen before is aligned without taking any bigram; texts of quickNormal's
 * characters are keyed without their spaces too (LayoutKeys.spaceless). Pure (the caches are bounded).
 */
import type { RowDef } from '../model/template.ts';
import { type Alignment, alignRows } from './align.ts';
import { type LabelIndex, labelIndex, labelScores } from './label-index.ts';
import type { DataRow } from './segment.ts';
import { quickWithoutSpaces } from './normalize.ts';
import { keyCopy } from '../memoised.ts';

/** Layouts kept per template (emptied when full). */
const LIMIT = 512;
/** Texts numbered per memo (String.fromCharCode takes each number as one code unit: below 65,536). */
const MAX_TEXTS = 16_384;

/**
 * The keys of tables' layouts: each distinct text of a row (its label, own, context and after) gets a number the first
 * time it is seen, and a layout's key is its rows' numbers as one short string, each number one code unit. A layout is
 * then looked up text by text in a map (V8 hashes each text once and compares it with the one kept) instead of through
 * one long string of every text of the table joined, copied flat, hashed and compared whole. Two layouts have the same
 * key exactly when their rows' texts are the same, row by row (each row has its four texts, in the same order; a
 * spaceless key has its row's kind before them). Texts kept are copies (keyCopy): a label cut from a document would
 * keep the document alive.
 */
export class LayoutKeys {
  private readonly ids = new Map<string, number>();
  /**
   * A key's code units as they are made, turned into the key with String.fromCharCode.apply: not an array literal
   * spread into fromCharCode, which compiled code took at the length first seen and threw away at another length.
   */
  private units = new Uint16Array(256);
  private length = 0;

  private unit(code: number): void {
    if (this.length === this.units.length) {
      const grown = new Uint16Array(2 * this.length);
      grown.set(this.units);
      this.units = grown;
    }
    this.units[this.length++] = code;
  }

  private key(): string {
    return String.fromCharCode.apply(null, this.units.subarray(0, this.length) as unknown as number[]);
  }

  /** Whether `rows` may be keyed without running out of numbers (else clear, and with it every key made). */
  fits(rows: number): boolean {
    return this.ids.size + 5 * rows < MAX_TEXTS;
  }

  clear(): void {
    this.ids.clear();
  }

  private id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(keyCopy(text), (id = this.ids.size));
    return id;
  }

  /** The rows' label texts as printed: a code unit 0, then per row its four texts' numbers. */
  printed(rows: readonly DataRow[]): string {
    this.length = 0;
    this.unit(0);
    for (const r of rows) {
      this.unit(this.id(r.label));
      this.unit(this.id(r.own));
      this.unit(this.id(r.context));
      this.unit(this.id(r.after));
    }
    return this.key();
  }

  /**
   * The rows' texts without their spaces, where a row's four texts are all of quickNormal's characters (labelScore
   * reads them through quickNormal only, which skips a space and changes nothing else, see quickWithoutSpaces; it reads
   * the label and the text after the values as printed only to ask whether they are empty, which the row's kind says),
   * so that a label wrapped at another place (HTML's cells break lines where the page was written) is the same layout;
   * otherwise the row's texts as printed: a code unit 1, then per row its kind (0: as printed; 1–4: without spaces,
   * with a label or not, with text after the values or not) and its four texts' numbers. Undefined when every row is
   * keyed as printed (the layout is then known by its printed key alone).
   */
  spaceless(rows: readonly DataRow[]): string | undefined {
    this.length = 0;
    this.unit(1);
    let any = false;
    for (const r of rows) {
      const label = quickWithoutSpaces(r.label);
      const own = label === null ? null : quickWithoutSpaces(r.own);
      const context = own === null ? null : quickWithoutSpaces(r.context);
      const after = context === null ? null : quickWithoutSpaces(r.after);
      if (after === null) {
        this.unit(0);
        this.unit(this.id(r.label));
        this.unit(this.id(r.own));
        this.unit(this.id(r.context));
        this.unit(this.id(r.after));
      } else {
        any = true;
        this.unit(1 + (r.label === '' ? 0 : 2) + (r.after === '' ? 0 : 1));
        this.unit(this.id(label!));
        this.unit(this.id(own!));
        this.unit(this.id(context!));
        this.unit(this.id(after));
      }
    }
    return any ? this.key() : undefined;
  }
}

/**
 * What `compute` gives for a table's rows, remembered under their printed key and under their spaceless one: a table
 * printed as one seen before, character for character, is found by its printed key alone (no scan of its texts for
 * spaces).
 */
class LayoutMemo<T> {
  private readonly keys = new LayoutKeys();
  private readonly known = new Map<string, T>();

  constructor(private readonly limit: number) {}

  remembered(rows: readonly DataRow[], compute: () => T): T {
    if (!this.keys.fits(rows.length)) {
      this.keys.clear();
      this.known.clear();
    }
    const printed = this.keys.printed(rows);
    let out = this.known.get(printed);
    if (out !== undefined) return out;
    const spaceless = this.keys.spaceless(rows);
    out = spaceless === undefined ? undefined : this.known.get(spaceless);
    out ??= compute();
    if (this.known.size + 2 > this.limit) this.known.clear();
    if (spaceless !== undefined) this.known.set(spaceless, out);
    this.known.set(printed, out);
    return out;
  }
}

const byTemplate = new WeakMap<LabelIndex, LayoutMemo<Alignment | null>>();
const bestByTemplate = new WeakMap<LabelIndex, LayoutMemo<number>>();

/**
 * The best of labelScores(row, defs) (how well the row's label names any template row), remembered by the row's label
 * texts: asked of every row of blanks, whose label recurs report after report as the table's does.
 */
export function bestLabelScore(row: DataRow, defs: readonly RowDef[]): number {
  const index = labelIndex(defs);
  let memo = bestByTemplate.get(index);
  if (memo === undefined) bestByTemplate.set(index, (memo = new LayoutMemo(LIMIT * 8)));
  return memo.remembered([row], () => Math.max(...labelScores(row, defs)));
}

/** alignRows(rows, defs), remembered by the rows' label texts. The alignment returned is shared: only read it. */
export function alignByLabels(rows: readonly DataRow[], defs: readonly RowDef[]): Alignment | null {
  if (rows.length > defs.length) return null;
  const index = labelIndex(defs);
  let memo = byTemplate.get(index);
  if (memo === undefined) byTemplate.set(index, (memo = new LayoutMemo(LIMIT)));
  return memo.remembered(rows, () => alignRows(rows, defs));
}
