import { describe, expect, it } from 'vitest';
import { nameWords } from '../../lib/analysis/external-tests';
import { EXTERNAL_CHAT_TEST } from '../../lib/catalog';

// How a name splits into the words the external-test vocabulary is written in
// (docs/spec/behaviour.md#guarded-and-handled-findings).
describe('nameWords', () => {
  it.each([
    ['external', 'external'],
    ['isExternal', 'is external'],
    ['is_external', 'is external'],
    ['IS_EXTERNAL', 'is external'],
    ['isEXTERNAL', 'is external'],
    ['externalChat', 'external chat'],
    ['external_group', 'external group'],
    ['is_external_chat', 'is external chat'],
    ['isExternalGroup', 'is external group'],
    ['IsExternalGroup', 'is external group'],
    ['__external__', 'external'],
    ['externalUserId', 'external user id'],
    ['external_id', 'external id'],
    ['chatIsExternal', 'chat is external'],
    ['externals', 'externals'],
    ['HTTPServer', 'http server'],
    ['is2External', 'is2 external'],
    ['$external', '$external'],
  ])('%s is "%s"', (name, words) => {
    expect(nameWords(name)).toBe(words);
  });

  it('leaves the catalog’s names as they are', () => {
    for (const name of EXTERNAL_CHAT_TEST.names) expect(nameWords(name.replaceAll(' ', '_'))).toBe(name);
  });
});
