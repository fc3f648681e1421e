/**
 * Our own XML Schema for the RSS 2.0 we emit (https://www.rssboard.org/rss-specification), written
 * for `emitRss` rather than for RSS in general: the channel and item children `feed` 6 writes, in its
 * order, plus the `atom:link`, `atom:updated`, `content:encoded`, `dc:creator` and Media RSS
 * extensions. `<author>` is absent on purpose (we never emit it: bylines are `dc:creator`); an item
 * has at most one `<enclosure>`, with all three attributes. Dates, URLs and content HTML are plain
 * strings here: the validator's rules check them with messages that say how to fix them.
 * XSD 1.0 needs one schema document per namespace; the extension schemas are imported by name.
 */

/** File name under which {@link RSS_SCHEMA} is compiled (its imports resolve next to it). */
export const RSS_SCHEMA_FILE = 'syndicate-rss.xsd';

/** File name of {@link RSS_ATOM_SCHEMA}, as {@link RSS_SCHEMA} imports it. */
export const RSS_ATOM_SCHEMA_FILE = 'syndicate-rss-atom.xsd';

/** File name of {@link RSS_CONTENT_SCHEMA}, as {@link RSS_SCHEMA} imports it. */
export const RSS_CONTENT_SCHEMA_FILE = 'syndicate-rss-content.xsd';

/** File name of {@link RSS_DC_SCHEMA}, as {@link RSS_SCHEMA} imports it. */
export const RSS_DC_SCHEMA_FILE = 'syndicate-rss-dc.xsd';

/** File name of {@link RSS_MEDIA_SCHEMA}, as {@link RSS_SCHEMA} imports it. */
export const RSS_MEDIA_SCHEMA_FILE = 'syndicate-rss-media.xsd';

/** The RSS 2.0 document: `<rss version="2.0">` with one channel and its items (no namespace). */
export const RSS_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:atom="http://www.w3.org/2005/Atom"
           xmlns:content="http://purl.org/rss/1.0/modules/content/"
           xmlns:dc="http://purl.org/dc/elements/1.1/"
           xmlns:media="http://search.yahoo.com/mrss/">
  <xs:import namespace="http://www.w3.org/2005/Atom" schemaLocation="${RSS_ATOM_SCHEMA_FILE}"/>
  <xs:import namespace="http://purl.org/rss/1.0/modules/content/" schemaLocation="${RSS_CONTENT_SCHEMA_FILE}"/>
  <xs:import namespace="http://purl.org/dc/elements/1.1/" schemaLocation="${RSS_DC_SCHEMA_FILE}"/>
  <xs:import namespace="http://search.yahoo.com/mrss/" schemaLocation="${RSS_MEDIA_SCHEMA_FILE}"/>

  <xs:simpleType name="NonEmpty">
    <xs:restriction base="xs:string">
      <xs:pattern value="[\\s\\S]*\\S[\\s\\S]*"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- BCP 47 with hyphens (en, zh-CN): RSS 2.0 "language", W3C language codes. -->
  <xs:simpleType name="Language">
    <xs:restriction base="xs:string">
      <xs:pattern value="[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:element name="rss">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="channel" type="Channel"/>
      </xs:sequence>
      <xs:attribute name="version" type="xs:string" use="required" fixed="2.0"/>
    </xs:complexType>
  </xs:element>

  <xs:complexType name="Channel">
    <xs:sequence>
      <xs:element name="title" type="NonEmpty"/>
      <xs:element name="link" type="NonEmpty"/>
      <xs:element name="description" type="NonEmpty"/>
      <xs:element name="lastBuildDate" type="NonEmpty"/>
      <xs:element name="docs" type="NonEmpty"/>
      <xs:element name="language" type="Language"/>
      <xs:element name="copyright" type="NonEmpty"/>
      <xs:element ref="atom:link" maxOccurs="unbounded"/>
      <xs:element name="item" type="Item" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Item">
    <xs:sequence>
      <xs:element name="title" type="NonEmpty"/>
      <xs:element name="link" type="NonEmpty"/>
      <xs:element name="guid" type="Guid"/>
      <xs:element name="pubDate" type="NonEmpty"/>
      <xs:element ref="atom:updated"/>
      <!-- RSS Profile: the description comes before content:encoded (W3C NeedDescriptionBeforeContent). -->
      <xs:element name="description" type="NonEmpty"/>
      <xs:element ref="content:encoded"/>
      <xs:element ref="dc:creator" maxOccurs="unbounded"/>
      <xs:element name="category" type="Category" minOccurs="0" maxOccurs="unbounded"/>
      <!-- RSS 2.0 allows one enclosure per item (W3C DuplicateEnclosure). -->
      <xs:element name="enclosure" type="Enclosure" minOccurs="0"/>
      <xs:element ref="media:content" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <!-- RSS 2.0 "enclosure": url, length (bytes) and type are all required. -->
  <xs:complexType name="Enclosure">
    <xs:attribute name="url" type="NonEmpty" use="required"/>
    <xs:attribute name="length" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="type" type="NonEmpty" use="required"/>
  </xs:complexType>

  <!-- Our guids are tag:/urn: URIs, not permalinks, so isPermaLink is always written as false. -->
  <xs:complexType name="Guid">
    <xs:simpleContent>
      <xs:extension base="NonEmpty">
        <xs:attribute name="isPermaLink" type="xs:string" use="required" fixed="false"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:complexType name="Category">
    <xs:simpleContent>
      <xs:extension base="NonEmpty">
        <xs:attribute name="domain" type="NonEmpty" use="required"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
</xs:schema>
`;

/** `atom:link` as RSS channels carry it (the feed's own URL, RFC 4287 §4.2.7) and an item's `atom:updated` (§4.2.15). */
export const RSS_ATOM_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/2005/Atom"
           elementFormDefault="qualified">
  <xs:element name="link">
    <xs:complexType>
      <xs:attribute name="href" type="xs:string" use="required"/>
      <xs:attribute name="rel" type="xs:string" use="required"/>
      <xs:attribute name="type" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="updated">
    <xs:simpleType>
      <xs:restriction base="xs:string">
        <xs:pattern value="[\\s\\S]*\\S[\\s\\S]*"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:element>
</xs:schema>
`;

/** `content:encoded`: the article HTML (https://web.resource.org/rss/1.0/modules/content/). */
export const RSS_CONTENT_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://purl.org/rss/1.0/modules/content/"
           elementFormDefault="qualified">
  <xs:element name="encoded">
    <xs:simpleType>
      <xs:restriction base="xs:string">
        <xs:pattern value="[\\s\\S]*\\S[\\s\\S]*"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:element>
</xs:schema>
`;

/** `dc:creator`: one author name per element (https://www.dublincore.org/specifications/dublin-core/dces/). */
export const RSS_DC_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://purl.org/dc/elements/1.1/"
           elementFormDefault="qualified">
  <xs:element name="creator">
    <xs:simpleType>
      <xs:restriction base="xs:string">
        <xs:pattern value="[\\s\\S]*\\S[\\s\\S]*"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:element>
</xs:schema>
`;

/**
 * Media RSS as we write it (https://www.rssboard.org/media-rss): `media:content` for a photo, with
 * a plain-text `media:description`, any number of `media:credit` and an optional `media:copyright`.
 * Value checks (MIME type, EBU roles, positive sizes) are the validator's `media-*` rules.
 */
export const RSS_MEDIA_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://search.yahoo.com/mrss/"
           xmlns:media="http://search.yahoo.com/mrss/"
           elementFormDefault="qualified">
  <xs:element name="content">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="description">
          <xs:complexType>
            <xs:simpleContent>
              <xs:extension base="xs:string">
                <xs:attribute name="type" type="xs:string" use="required"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>
        </xs:element>
        <xs:element name="credit" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:simpleContent>
              <xs:extension base="xs:string">
                <xs:attribute name="role" type="xs:string"/>
                <xs:attribute name="scheme" type="xs:string"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>
        </xs:element>
        <xs:element name="copyright" type="xs:string" minOccurs="0"/>
      </xs:sequence>
      <xs:attribute name="url" type="xs:string" use="required"/>
      <xs:attribute name="medium" type="xs:string" use="required"/>
      <xs:attribute name="type" type="xs:string"/>
      <xs:attribute name="fileSize" type="xs:string"/>
      <xs:attribute name="width" type="xs:string"/>
      <xs:attribute name="height" type="xs:string"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
