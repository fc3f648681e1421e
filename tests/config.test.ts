import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isIanaTimeZone, readSiteConfig } from '../src/config.ts';
import { makeSite } from './helpers/fixtures.ts';

const sampleText = readFileSync(new URL('../input/site.json', import.meta.url), 'utf8');

describe('readSiteConfig', () => {
  it('accepts the sample publication and matches the test factory', () => {
    const { config, diagnostics } = readSiteConfig(sampleText, 'input/site.json');
    expect(diagnostics).toEqual([]);
    expect(config).toEqual(makeSite());
  });

  it('canonicalises the language like front matter `language` (so story and site tags compare as strings), and refuses what is no tag', () => {
    const withLanguage = (language: string) => {
      const config = JSON.parse(sampleText) as Record<string, unknown>;
      config.language = language;
      return readSiteConfig(JSON.stringify(config, null, 2), 'input/site.json');
    };
    expect(withLanguage('EN-gb').config?.language).toBe('en-GB');
    expect(withLanguage('zh-hans').config?.language).toBe('zh-Hans');
    expect(withLanguage('iw').config?.language).toBe('he');
    expect(withLanguage('en').config?.language).toBe('en');
    for (const bad of ['en_GB', 'e', 'en-u-ca-gregory']) {
      const { config, diagnostics } = withLanguage(bad);
      expect(config, bad).toBeUndefined();
      expect(diagnostics, bad).toEqual([expect.objectContaining({ ruleId: 'invalid-config' })]);
    }
  });

  it('reports invalid JSON with its position', () => {
    const { config, diagnostics } = readSiteConfig('{\n  "name": "x",\n  oops\n}', 'input/site.json');
    expect(config).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'invalid-json', line: 3, severity: 'error' })]);
  });

  it('gives one diagnostic per bad field, with the line of that field', () => {
    const broken = JSON.parse(sampleText) as Record<string, unknown>;
    broken.timeZone = 'CST';
    broken.language = 'en_US';
    broken.logo = { url: '/logo.png', width: 600, height: 60 };
    delete broken.name;
    broken.extra = true;
    const text = JSON.stringify(broken, null, 2);
    const { config, diagnostics } = readSiteConfig(text, 'input/site.json');
    expect(config).toBeUndefined();
    const byField = Object.fromEntries(diagnostics.map((d) => [d.message.split(':')[0], d]));
    const lineOf = (key: string) => text.split('\n').findIndex((l) => l.includes(`"${key}"`)) + 1;
    expect(byField['"timeZone"']).toMatchObject({ line: lineOf('timeZone'), ruleId: 'invalid-config' });
    expect(byField['"timeZone"']!.message).toContain('IANA');
    expect(byField['"language"']).toMatchObject({ line: lineOf('language') });
    expect(byField['"logo.url"']).toMatchObject({ line: lineOf('url') === lineOf('logo') ? lineOf('logo') : text.split('\n').findIndex((l) => l.includes('"/logo.png"')) + 1 });
    expect(byField['"name"']!.message).toContain('is required');
    expect(diagnostics.some((d) => d.message.includes('unknown field(s) "extra"'))).toBe(true);
  });

  it('knows real IANA zones and refuses offsets and abbreviations', () => {
    expect(isIanaTimeZone('Asia/Shanghai')).toBe(true);
    expect(isIanaTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isIanaTimeZone('UTC')).toBe(true);
    expect(isIanaTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isIanaTimeZone('+08:00')).toBe(false);
    expect(isIanaTimeZone('CST')).toBe(false);
  });
});
