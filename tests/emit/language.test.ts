import { describe, expect, it } from 'vitest';
import { toLanguageAttributes } from '../../src/emit/htmlpage.ts';
import { toLanguageName, toNewsLanguage, toOgLocale, toTextDirection } from '../../src/emit/language.ts';
import { toFeedLanguages } from '../../src/emit/scopes.ts';

describe('toTextDirection', () => {
  it.each(['ar', 'ar-EG', 'he', 'fa', 'ur', 'ps', 'ckb', 'sd', 'yi', 'syr', 'dv', 'nqo', 'ff-Adlm', 'ku-Arab', 'az-Arab', 'pa-Arab'])('%s is written right to left', (tag) => {
    expect(toTextDirection(tag)).toBe('rtl');
  });
  // Languages usually written in an RTL script, but tagged with a left-to-right one, and the rest.
  it.each(['en', 'fr', 'ja', 'zh-Hans', 'zh-Hant-TW', 'ru', 'hi', 'az', 'ku', 'uz-Latn', 'ff', 'sr-Latn', 'tlh'])('%s is written left to right', (tag) => {
    expect(toTextDirection(tag)).toBe('ltr');
  });
});

describe('toLanguageAttributes', () => {
  it('writes dir only when the direction differs from the context', () => {
    expect(toLanguageAttributes('ar')).toBe(' lang="ar" dir="rtl"');
    expect(toLanguageAttributes('en')).toBe(' lang="en"');
    expect(toLanguageAttributes('en', 'rtl')).toBe(' lang="en" dir="ltr"');
    expect(toLanguageAttributes('he', 'rtl')).toBe(' lang="he"');
  });
});

describe('toOgLocale', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en_GB'],
    ['zh-CN', 'zh_CN'],
    ['zh-Hans', 'zh'],
    ['zh-Hant-TW', 'zh_TW'],
    ['sr-Latn-RS', 'sr_RS'],
    ['ar', 'ar'],
    ['de-CH-1996', 'de_CH'],
  ])('%s → %s (the tag\'s own region, no invented territory, no script)', (tag, locale) => {
    expect(toOgLocale(tag)).toBe(locale);
  });
});

describe('toNewsLanguage', () => {
  it.each([
    ['zh', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh-Hant', 'zh-tw'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-MO', 'zh-tw'],
    ['zh-Hant-CN', 'zh-tw'],
    ['zh-Hans-TW', 'zh-cn'],
    ['fr-CA', 'fr'],
    ['ja-JP', 'ja'],
    ['ar-EG', 'ar'],
    ['EN', 'en'],
  ])('%s → %s', (tag, code) => {
    expect(toNewsLanguage(tag)).toBe(code);
  });
});

describe('toLanguageName', () => {
  it('names a language in itself, and falls back to the code', () => {
    expect(toLanguageName('fr')).toBe('français');
    expect(toLanguageName('ar')).toBe('العربية');
    expect(toLanguageName('qaa')).toBe('qaa');
  });
});

describe('toFeedLanguages', () => {
  it('is every language of the stories when one is not the site\'s, else none', () => {
    expect(toFeedLanguages([{ language: 'en' }, { language: 'en' }], 'en')).toEqual([]);
    expect(toFeedLanguages([], 'en')).toEqual([]);
    expect(toFeedLanguages([{ language: 'fr' }, { language: 'en' }, { language: 'ar' }, { language: 'fr' }], 'en')).toEqual(['ar', 'en', 'fr']);
    expect(toFeedLanguages([{ language: 'fr' }], 'en')).toEqual(['fr']);
  });
});
