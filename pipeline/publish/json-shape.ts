/** Shapes of JSON read back from a release (a previous release's files are checked, never trusted). Pure. */

/** A JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
