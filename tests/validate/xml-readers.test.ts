/**
 * readXml reads a well-formed document with @rgrove/parse-xml and everything else with saxes. The two
 * must agree: on every file of the W3C Feed Validator's suite, our outputs and our fixtures, both accept
 * or both reject, and where both accept, the trees (names, namespaces, attributes, text, positions) are
 * the same, but for text around a comment, which saxes gives as two nodes and parse-xml as one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWithSaxes, readXml, type XmlElement, type XmlText } from '../../src/validate/xml/tree.ts';
import { projectRoot } from '../helpers/project.ts';

const SUITE = path.join(process.env.SYNDICATE_TESTSUITES ?? path.resolve(projectRoot, '../shared/testsuites'), 'w3c-feedvalidator/testcases');

function xmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? xmlFiles(file) : file.endsWith('.xml') ? [file] : [];
  });
}

/** The tree without parent links, adjacent text nodes merged (the one way the readers may differ). */
function comparable(element: XmlElement): unknown {
  const children: unknown[] = [];
  let text: XmlText | undefined;
  for (const child of element.children) {
    if (child.kind === 'text' && !child.cdata && text !== undefined && !text.cdata) {
      text = { ...text, value: text.value + child.value };
      children[children.length - 1] = text;
      continue;
    }
    text = child.kind === 'text' ? child : undefined;
    children.push(child.kind === 'element' ? comparable(child) : child);
  }
  return { ...element, parent: undefined, children };
}

describe('the two XML readers agree', () => {
  const files = [...xmlFiles(SUITE), ...xmlFiles(path.join(projectRoot, 'dist')), ...xmlFiles(path.join(projectRoot, 'tests/fixtures'))];
  if (!existsSync(SUITE)) console.warn(`*** W3C FEED VALIDATOR TEST SUITE ABSENT (${SUITE}): the readers are compared on our own files only ***`);

  it('on every file: the same verdict, and the same tree when well-formed', () => {
    expect(files.length).toBeGreaterThan(20);
    const disagreements: string[] = [];
    for (const file of files) {
      const raw = readFileSync(file, 'utf8');
      const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      const fast = readXml(text).document;
      const saxes = readWithSaxes(text, {}).document;
      if ((fast === undefined) !== (saxes === undefined)) disagreements.push(`${file}: ${fast === undefined ? 'only saxes' : 'only parse-xml'} accepts it`);
      else if (fast !== undefined && saxes !== undefined) {
        expect({ root: comparable(fast.root), doctype: fast.doctype, declaration: fast.declaration }, file).toEqual({ root: comparable(saxes.root), doctype: saxes.doctype, declaration: saxes.declaration });
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('reads a document nested far deeper than the call stack allows', () => {
    const depth = 12_000;
    const { document } = readXml(`<a>${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}</a>`);
    expect(document?.root.name).toBe('a');
  });

  it('rejects what Namespaces in XML forbids, as saxes does', () => {
    for (const text of ['<a:b/>', '<a xmlns:p=""/>', '<a xmlns:xml="http://example.org/"/>', '<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>']) {
      expect(readXml(text).document, text).toBeUndefined();
      expect(readXml(text).errors.length, text).toBeGreaterThan(0);
    }
  });
});
