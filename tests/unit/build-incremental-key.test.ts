/**
 * The options key of a build (adapters/build-state.ts optionsKey, which year-record.ts keys the last build's year
 * files and ledger by): a function of the options' content, whatever the engine's representation of their strings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyText, optionsKey } from '../../pipeline/adapters/build-state.ts';

test('the same options give the same key, whether a string is held one byte or two a character', async () => {
  // Cut from a string holding Chinese: ASCII text that V8 holds two bytes a character (v8.serialize wrote it so).
  const cut = 'https://xxgk.example/data/latest/政府'.slice(0, -2);
  const plain = ['https://xxgk', 'example/data/latest/'].join('.');
  assert.equal(cut, plain);
  const key = (baseUrl: string) => optionsKey({ argv: ['xxgk run'], options: { meta: { baseUrl, title: { zh: '政府信息公开' } } } });
  assert.equal(await key(cut), await key(plain));
  assert.notEqual(await key(plain), await key(`${plain}x`));
});

test('Maps and Sets count by their entries, in order', () => {
  assert.equal(keyText({ m: new Map([['a', 1]]) }), keyText({ m: new Map([['a', 1]]) }));
  assert.notEqual(keyText({ m: new Map([['a', 1]]) }), keyText({ m: new Map([['a', 2]]) }));
  assert.notEqual(keyText({ m: new Map([['a', 1]]) }), keyText({ m: [['a', 1]] }));
  assert.notEqual(keyText({ s: new Set(['a', 'b']) }), keyText({ s: new Set(['b', 'a']) }));
  assert.notEqual(keyText({ m: new Map() }), keyText({ m: new Set() }));
});
