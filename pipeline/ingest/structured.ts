/**
 * JSON or YAML text → data, not yet checked (the parse stage checks the shape). A syntax error becomes an
 * InputError that gives its line and column. Pure.
 */
import { parse as parseYaml, YAMLError } from 'yaml';
import { InputError } from '../errors.ts';

export type StructuredFormat = 'json' | 'yaml';

interface Position {
  line: number;
  column: number;
}

/** 1-based line and column of a 0-based offset in text. */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset of the first JSON syntax error, by a small recursive scan (V8's messages do not always give a
 * position: "Unexpected token '}', ... is not valid JSON").
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const expect = (ch: string): void => {
    if (text[i] !== ch) fail();
    i++;
  };
  const match = (re: RegExp): void => {
    re.lastIndex = i;
    if (!re.test(text)) fail();
    i = re.lastIndex;
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      const ch = text[i];
      if (ch === undefined || ch < ' ') fail();
      if (ch === '"') return void i++;
      if (ch === '\\') match(ESCAPE);
      else i++;
    }
  };
  const list = (close: string, item: () => void): void => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === close) return void i++;
      expect(',');
      space();
    }
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{') list('}', () => (string(), space(), expect(':'), value()));
    else if (ch === '[') list(']', value);
    else if (ch === '"') string();
    else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else match(NUMBER);
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (offset) {
    // Anything else (a stack overflow on absurd nesting): no position.
    return typeof offset === 'number' ? offset : undefined;
  }
}

function readJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const reason = message.replace(/\s*(?:in JSON )?at position \d+.*$/s, '');
    const at = positionAt(text, jsonErrorOffset(text) ?? text.length);
    throw new InputError(`malformed JSON at line ${at.line}, column ${at.column}: ${reason}`, file, at);
  }
}

function readYaml(text: string, file: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: false });
  } catch (err) {
    if (!(err instanceof YAMLError)) throw err;
    const pos = err.linePos?.[0];
    const at = pos ? { line: pos.line, column: pos.col } : positionAt(text, err.pos[0]);
    const reason = err.message.split('\n')[0] ?? err.code;
    throw new InputError(`malformed YAML at line ${at.line}, column ${at.column}: ${reason}`, file, at);
  }
}

export function readStructured(text: string, format: StructuredFormat, file: string): unknown {
  return format === 'json' ? readJson(text, file) : readYaml(text, file);
}
