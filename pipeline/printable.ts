/**
 * Text from input files (names, file names, messages quoting them) made safe to show to a person: C0 and C1
 * control characters, DEL and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) become
 * visible escapes ("\u000A", "\u202E"), so a file named "x\n  published forged-2099" cannot print a line of its
 * own and a right-to-left override cannot reorder what follows it. JSON and RDF escape them by their own rules. Pure.
 */

/** Every control and bidi formatting character. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same but tab, line feed and carriage return: layout inside a multi-line field (a CSV cell, HTML text). */
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** One line of console output: every control character escaped, line breaks included. */
export function printableLine(text: string): string {
  return text.replace(CONTROLS, visible);
}

/** A field that may span lines (CSV, HTML): controls escaped, tab and line breaks kept. */
export function printableText(text: string): string {
  return text.replace(CONTROLS_BUT_LAYOUT, visible);
}

/**
 * Console lines written a chunk at a time, each made printable: the same bytes as writing them joined, without the
 * whole text at once (a build prints a line a report: at 100,000 reports some 12 million characters, and as much
 * again encoded for the write).
 */
export function writeLines(write: (text: string) => void, lines: readonly string[], chunk = 1000): void {
  if (lines.length === 0) write('\n');
  for (let i = 0; i < lines.length; i += chunk) write(`${lines.slice(i, i + chunk).map(printableLine).join('\n')}\n`);
}
