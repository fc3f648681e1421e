import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { toAllowed } from '../../src/read/markdown/allowlist.ts';
import { toElement, toText, type RootNode } from '../../src/read/markdown/nodes.ts';
import { toBytes } from '../helpers/arbitraries.ts';
import { makeSite } from '../helpers/fixtures.ts';
import { decodeXmlReferences, wellFormedError } from '../helpers/readback.ts';

/**
 * Issue 14 item 5: the GFM parts (tables, their column alignment, footnotes, strikethrough) are as
 * strict as the rest of the body. Hostile HTML in a cell or a note is removed like anywhere else, and
 * the one `style` the body may carry is a column's `text-align` with one of three values.
 */

const site = makeSite();
const NOW = '2024-09-05T00:00:00+08:00';

const HOSTILE_TABLE = [
  '---',
  'headline: Hostile table',
  'date: 2024-09-04 21:03',
  'section: World',
  '---',
  '',
  '| <script>alert(1)</script>Port | <b style="color:red" onclick="x()">TEU</b> |',
  '|:--|--:|',
  '| <img src=x onerror=alert(1)>Shanghai | [47.3 m](javascript:alert(1)) |',
  '| <span style="background:url(https://evil.example/x)">Ningbo</span> | <a href="https://evil.example/" style="position:fixed">35.3 m</a> |',
  '| {: style="color:red"} | ~~<iframe src=x></iframe>~~ old |',
  '',
  'Volumes rose[^1].',
  '',
  '[^1]: <svg onload=alert(1)>Port figures</svg> and [more](vbscript:x).',
  '',
].join('\n');

describe('hostile HTML in table cells, alignment and footnotes, through the whole build', () => {
  const result = build([{ path: 'input/articles/world/hostile-table.md', bytes: toBytes(HOSTILE_TABLE) }], site, { now: NOW });

  it('builds without errors, reporting what it removed, and every output is well-formed', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.source === 'read:markdown').map((d) => d.ruleId).sort()).toEqual(['raw-html', 'unsafe-url']);
    expect(result.outputs.map(wellFormedError).filter((e) => e !== undefined)).toEqual([]);
  });

  it('no output carries a script, handler, frame, script URL or any style but a column alignment', () => {
    for (const file of result.outputs) {
      // The HTML as a consumer gets it: XML text decoded (RSS, Atom, NewsML-G2), JSON strings as they are.
      const text = decodeXmlReferences(file.format === 'jsonld' || file.format === 'jsonfeed' || file.format === 'ninjs' ? JSON.stringify(JSON.parse(file.text)) : file.text);
      expect(text, file.path).not.toMatch(/<script(?![^>]*application\/ld\+json)|<iframe|<svg|<img|onerror|onclick|onload|javascript:|vbscript:|evil\.example/i);
      const styles = [...text.matchAll(/<[a-z][^<>]*\sstyle=\\?"([^"\\]*)/g)].map((m) => m[1]);
      for (const style of styles) expect(style, file.path).toMatch(/^text-align:(?:left|right)$/);
      if (/<td/.test(text)) expect(styles.length, file.path).toBeGreaterThan(0);
    }
  });

  it('keeps the text of the cells and the notes, and the non-HTML text as written', () => {
    const article = result.articles[0]!;
    // An inline tag loses its markup and keeps its text, in a cell as in a paragraph: `<script>` inline is text.
    expect(article.paragraphs).toEqual([
      'alert(1)Port: Shanghai; TEU: 47.3 m',
      'alert(1)Port: Ningbo; TEU: 35.3 m',
      'alert(1)Port: {: style="color:red"}; TEU: old',
      'Volumes rose¹.',
      '¹ Port figures and more.',
    ]);
    expect(article.bodyHtml).toContain('<td style="text-align:left">{: style=&quot;color:red&quot;}</td>');
  });
});

describe('the allow-list on table cells (the guarantee, whatever builds the tree)', () => {
  const cell = (tag: string, style: string): Record<string, string> => {
    const td = toElement(tag, 1, [toText('x')], { style });
    const tree: RootNode = { type: 'root', children: [toElement('table', 1, [toElement('tbody', 1, [toElement('tr', 1, [td])])])] };
    toAllowed(tree);
    return td.attributes;
  };

  it.each(['text-align:left', 'text-align:center', 'text-align:right'])('keeps the column alignment %s on th and td', (style) => {
    expect(cell('td', style)).toEqual({ style });
    expect(cell('th', style)).toEqual({ style });
  });

  it.each([
    'color:red',
    'text-align:right;color:red',
    'color:red;text-align:right',
    'text-align:right;',
    'text-align: right',
    'TEXT-ALIGN:RIGHT',
    'text-align:justify',
    'text-align:right\n',
    ' text-align:right',
    'text-align:right /* */',
    'background:url(javascript:alert(1))',
    'text-align:expression(alert(1))',
    'position:fixed;inset:0',
  ])('drops any other style: %j', (style) => {
    expect(cell('td', style)).toEqual({});
    expect(cell('th', style)).toEqual({});
  });

  it('drops a style, even an alignment, on every other element', () => {
    for (const tag of ['p', 'table', 'tr', 'a', 'del', 'sup', 'li']) {
      const element = toElement(tag, 1, [toText('x')], { style: 'text-align:right' });
      const tree: RootNode = { type: 'root', children: [tag === 'li' ? toElement('ul', 1, [element]) : tag === 'tr' ? toElement('table', 1, [toElement('tbody', 1, [element])]) : element] };
      toAllowed(tree);
      expect(element.attributes, tag).toEqual({});
    }
  });
});
