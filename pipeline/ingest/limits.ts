/**
 * The resource limits of the readers: sizes a real report never reaches and a hostile file always does. Each is a
 * key of `limits:` in xxgk.config.yaml; a file over a limit is that file's InputError (readLimitError), naming the
 * limit and how to raise it, and the rest of the folder goes on.
 */
import { InputError } from '../errors.ts';

export interface ReadLimits {
  /** Largest document read, local or fetched (bytes). */
  maxBytes: number;
  /** A .docx: largest uncompressed size of its entries, each and all together (bytes), declared and actual. */
  maxUnzippedBytes: number;
  /** HTML (and the HTML a .docx becomes): deepest nesting of elements. */
  maxHtmlDepth: number;
  /** PDF: most pages. */
  maxPdfPages: number;
  /** PDF: most drawing operators on one page. */
  maxPdfOperators: number;
  /** PDF: most path points (line segments) on one page. */
  maxPdfSegments: number;
  /** Longest agency name, cell text, cell note or narrative fragment of a report (characters). */
  maxFieldLength: number;
}

export const READ_LIMITS: ReadLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxUnzippedBytes: 50 * 1024 * 1024,
  maxHtmlDepth: 500,
  maxPdfPages: 500,
  maxPdfOperators: 200_000,
  maxPdfSegments: 20_000,
  maxFieldLength: 500,
};

/**
 * An input over one of the limits: "<what>, over the limit of <n> (limits.<key> in xxgk.config.yaml raises it)".
 * `file` may be left out by pure readers that do not know it: ingest adds it.
 */
export class LimitError extends InputError {
  constructor(
    what: string,
    readonly limit: keyof ReadLimits,
    value: number,
    file?: string,
  ) {
    super(`${what}, over the limit of ${value.toLocaleString('en-US')} (limits.${limit} in xxgk.config.yaml raises it)`, file);
  }
}

/** A size in the messages of the limits: megabytes (MiB) with one decimal. */
export const mb = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MB`;
