/**
 * Our own RELAX NG schema (XML syntax) for the Atom 1.0 we emit: the subset of RFC 4287 that
 * `emitAtom` writes, not the whole format. Children are interleaved as in RFC 4287 Appendix B, so
 * element order is free; what we promise is pinned: `xml:lang` on `<feed>`, a feed-level author,
 * HTML (`type="html"`) entry title, summary and content, `term` and `scheme` on every category,
 * entry links that are the article page or one enclosure with type and length, and Media RSS
 * `media:content` as the only extension element. Dates, URLs and the links' counts by `rel` are
 * checked by the validator's rules, which say how to fix them (RELAX NG interleave cannot count
 * `link` elements by `rel`).
 */

/** File name under which {@link ATOM_SCHEMA} is compiled. */
export const ATOM_SCHEMA_FILE = 'syndicate-atom.rng';

/** The Atom feed document `emitAtom` writes. */
export const ATOM_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
         ns="http://www.w3.org/2005/Atom"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <element name="feed">
      <ref name="language"/>
      <interleave>
        <element name="id"><ref name="nonEmpty"/></element>
        <element name="title"><ref name="nonEmpty"/></element>
        <element name="updated"><ref name="nonEmpty"/></element>
        <ref name="person"/>
        <oneOrMore><ref name="link"/></oneOrMore>
        <element name="subtitle"><ref name="nonEmpty"/></element>
        <element name="rights"><ref name="nonEmpty"/></element>
        <zeroOrMore><ref name="entry"/></zeroOrMore>
      </interleave>
    </element>
  </start>

  <define name="entry">
    <element name="entry">
      <optional><ref name="language"/></optional>
      <interleave>
        <element name="id"><ref name="nonEmpty"/></element>
        <element name="title"><ref name="html"/></element>
        <oneOrMore><ref name="entryLink"/></oneOrMore>
        <element name="updated"><ref name="nonEmpty"/></element>
        <element name="published"><ref name="nonEmpty"/></element>
        <element name="summary"><ref name="html"/></element>
        <element name="content"><ref name="html"/></element>
        <zeroOrMore><ref name="person"/></zeroOrMore>
        <zeroOrMore>
          <element name="category">
            <attribute name="term"><ref name="nonEmpty"/></attribute>
            <attribute name="scheme"><ref name="nonEmpty"/></attribute>
            <optional><attribute name="label"><ref name="nonEmpty"/></attribute></optional>
          </element>
        </zeroOrMore>
        <zeroOrMore><ref name="mediaContent"/></zeroOrMore>
      </interleave>
    </element>
  </define>

  <!-- Entry links: the article page (no rel: "alternate", RFC 4287 §4.2.7.2) or an enclosure with its type and byte length. -->
  <define name="entryLink">
    <element name="link">
      <choice>
        <attribute name="href"><ref name="nonEmpty"/></attribute>
        <group>
          <attribute name="rel"><value>enclosure</value></attribute>
          <attribute name="href"><ref name="nonEmpty"/></attribute>
          <attribute name="type"><ref name="nonEmpty"/></attribute>
          <attribute name="length"><data type="nonNegativeInteger"/></attribute>
        </group>
      </choice>
    </element>
  </define>

  <!-- Media RSS (https://www.rssboard.org/media-rss) for a photo; values are checked by the media-* rules. -->
  <define name="mediaContent">
    <element name="content" ns="http://search.yahoo.com/mrss/">
      <attribute name="url"><ref name="nonEmpty"/></attribute>
      <attribute name="medium"><ref name="nonEmpty"/></attribute>
      <optional><attribute name="type"><ref name="nonEmpty"/></attribute></optional>
      <optional><attribute name="fileSize"><ref name="nonEmpty"/></attribute></optional>
      <optional><attribute name="width"><ref name="nonEmpty"/></attribute></optional>
      <optional><attribute name="height"><ref name="nonEmpty"/></attribute></optional>
      <element name="description" ns="http://search.yahoo.com/mrss/">
        <attribute name="type"><ref name="nonEmpty"/></attribute>
        <text/>
      </element>
      <zeroOrMore>
        <element name="credit" ns="http://search.yahoo.com/mrss/">
          <optional><attribute name="role"><ref name="nonEmpty"/></attribute></optional>
          <optional><attribute name="scheme"><ref name="nonEmpty"/></attribute></optional>
          <text/>
        </element>
      </zeroOrMore>
      <optional><element name="copyright" ns="http://search.yahoo.com/mrss/"><text/></element></optional>
    </element>
  </define>

  <!-- Feed links: the site (alternate) and the feed itself (self), RFC 4287 §4.2.7. -->
  <define name="link">
    <element name="link">
      <attribute name="rel"><choice><value>alternate</value><value>self</value></choice></attribute>
      <attribute name="href"><ref name="nonEmpty"/></attribute>
    </element>
  </define>

  <define name="person">
    <element name="author">
      <interleave>
        <element name="name"><ref name="nonEmpty"/></element>
        <optional><element name="uri"><ref name="nonEmpty"/></element></optional>
      </interleave>
    </element>
  </define>

  <!-- RFC 4287 §3.1.1.2: escaped HTML as text; we never write type="text" or "xhtml". -->
  <define name="html">
    <attribute name="type"><value>html</value></attribute>
    <ref name="nonEmpty"/>
  </define>

  <define name="language">
    <attribute name="xml:lang">
      <data type="string"><param name="pattern">[a-z]{2,3}(-[A-Za-z0-9]{2,8})*</param></data>
    </attribute>
  </define>

  <define name="nonEmpty">
    <data type="string"><param name="pattern">[\\s\\S]*\\S[\\s\\S]*</param></data>
  </define>
</grammar>
`;
