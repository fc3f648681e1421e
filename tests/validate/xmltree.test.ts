import { XmlDocument, XmlElement } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { emitters } from '../../src/emit/index.ts';
import type { OutputFormat } from '../../src/model/output.ts';
import { readXmlText, toTree, type XTree } from '../../src/validate/xmltree.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const site = makeSite();

/** What libxml2 itself says of every element (XPath, as the validators read documents before the tree). */
function fromLibxml(text: string) {
  const doc = XmlDocument.fromString(text);
  try {
    const all = doc.find('//*') as XmlElement[];
    const index = (e: XmlElement | null) => (e === null ? -1 : all.findIndex((x) => x.isSameNode(e)));
    return all.map((e) => ({
      name: e.name,
      namespaceUri: e.namespaceUri,
      prefix: e.prefix,
      line: e.line,
      content: e.content,
      attrs: e.attrs.map((a) => ({ name: a.name, namespaceUri: a.namespaceUri, value: a.value })),
      nsDeclarations: e.nsDeclarations,
      texts: e.find('text()').map((t) => t.content),
      parent: index(e.parent),
      children: (e.find('*') as XmlElement[]).map(index),
    }));
  } finally {
    doc.dispose();
  }
}

function describeTree(tree: XTree) {
  const index = (e: unknown) => (e === null ? -1 : tree.all.indexOf(e as never));
  return tree.all.map((e) => ({
    name: e.name,
    namespaceUri: e.namespaceUri,
    prefix: e.prefix,
    line: e.line,
    content: e.content,
    attrs: e.attrs.map((a) => ({ ...a })),
    nsDeclarations: { ...e.nsDeclarations },
    texts: e.texts(),
    parent: index(e.parent),
    children: e.children.map(index),
  }));
}

/** The tree `toTree` gives for a document libxml2 parsed (either reader), described while the document is alive. */
function viaToTree(text: string) {
  const doc = XmlDocument.fromString(text);
  try {
    return describeTree(toTree(doc, text));
  } finally {
    doc.dispose();
  }
}

// Markup the emitters never write but the reader must still read as libxml2 does: line numbers of start
// tags spread over lines, attribute-value normalisation, references, CDATA, comments and processing
// instructions splitting text nodes, an undeclared default namespace, xml:lang.
const TRICKY = `<?xml version="1.0"?>
<!-- before -->
<r xmlns="urn:d" xmlns:a="urn:a"
   a:x="1
2&#10;3\tt"><a:b
  y="v">t1 &amp; t2<![CDATA[cd]]><![CDATA[]]>t3<!--c-->t4<?pi x?>t5&#x41;</a:b><c/>
<d
/><e xmlns=""><f xml:lang="en" a='&quot;&apos;&lt;&gt;'>&#x1F600;&#233;</f></e></r>
<!-- after -->
`;

const OUTPUTS = [[makeArticle()], [makeRichArticle(), makeArticle()]].flatMap((articles) =>
  (Object.keys(emitters) as (keyof typeof emitters)[]).flatMap((format) => emitters[format](articles, site, { now: '2024-09-06T00:00:00+08:00' })).filter((f) => f.path.endsWith('.xml')),
);

describe('readXmlText (the XML reader the validators share)', () => {
  it.each(OUTPUTS.map((f) => [f.path, f.text]))('reads %s exactly as libxml2 does', (_path, text) => {
    const tree = readXmlText(text);
    expect(tree).toBeDefined();
    expect(describeTree(tree!)).toEqual(fromLibxml(text));
  });

  it('reads markup the emitters never write exactly as libxml2 does', () => {
    const tree = readXmlText(TRICKY);
    expect(tree).toBeDefined();
    expect(describeTree(tree!)).toEqual(fromLibxml(TRICKY));
    // The start tag of <r> ends on line 5, where libxml2 numbers it.
    expect(tree!.root.line).toBe(5);
  });

  it.each([
    ['a DOCTYPE with an entity', TRICKY.replace('<!-- before -->', '<!DOCTYPE r [<!ENTITY e "ent&#233;">]>').replace('t4', 't4&e;')],
    ['carriage returns', TRICKY.replace(/\n/g, '\r\n')],
    ['a byte order mark', `\uFEFF${TRICKY}`],
  ])('leaves text with %s to libxml2, whose tree toTree then reads alike', (_what, text) => {
    expect(readXmlText(text)).toBeUndefined();
    expect(viaToTree(text)).toEqual(fromLibxml(text));
  });
});
