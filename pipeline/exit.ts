/** Exit codes: 0 ok, 1 validation errors, 2 bad usage or unreadable input, 70 a bug in xxgk. */
export const EXIT = { ok: 0, invalid: 1, input: 2, internal: 70 } as const;
