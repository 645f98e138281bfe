import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../pipeline/errors.ts';
import { jsonErrorOffset, readStructured } from '../../pipeline/ingest/structured.ts';

function located(fn: () => unknown, line: number, column: number, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof InputError, 'an InputError');
    assert.equal(err.file, 'r.json');
    assert.deepEqual(err.at, { line, column });
    assert.match(err.message, pattern);
    assert.match(err.message, new RegExp(`line ${line}, column ${column}`));
    return true;
  });
}

test('JSON and YAML parse to data', () => {
  assert.deepEqual(readStructured('{"agency": "聊城市", "year": 2020}', 'json', 'r.json'), { agency: '聊城市', year: 2020 });
  assert.deepEqual(readStructured('agency: 聊城市\nyear: 2020\ntables: {}\n', 'yaml', 'r.json'), {
    agency: '聊城市',
    year: 2020,
    tables: {},
  });
});

test('malformed JSON: an InputError with line and column', () => {
  located(() => readStructured('{\n  "agency": "聊城市",\n  "year": }', 'json', 'r.json'), 3, 11, /malformed JSON/);
  located(() => readStructured('{\n  "year": 2020,\n}', 'json', 'r.json'), 3, 1, /malformed JSON/);
  located(() => readStructured('{"a": [1 2]}', 'json', 'r.json'), 1, 10, /malformed JSON/);
  located(() => readStructured('{"a": "unterminated', 'json', 'r.json'), 1, 20, /malformed JSON/);
  located(() => readStructured('{"a": 1}\n}', 'json', 'r.json'), 2, 1, /malformed JSON/);
  located(() => readStructured('{"a": tru}', 'json', 'r.json'), 1, 7, /malformed JSON/);
});

test('malformed YAML: an InputError with line and column', () => {
  located(() => readStructured('agency: x\ntables: [1, 2\n', 'yaml', 'r.json'), 3, 1, /malformed YAML/);
  located(() => readStructured('agency: x\nagency: y\n', 'yaml', 'r.json'), 2, 1, /malformed YAML/);
});

test('jsonErrorOffset: no error in valid JSON, the offset of the first error otherwise', () => {
  for (const ok of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '"s"', '0']) {
    assert.equal(jsonErrorOffset(ok), undefined, ok);
    assert.doesNotThrow(() => JSON.parse(ok));
  }
  assert.equal(jsonErrorOffset('{"a": 01}'), 7);
  assert.equal(jsonErrorOffset('["\\x"]'), 2);
  assert.equal(jsonErrorOffset(''), 0);
});
