/**
 * Our own XML Schema for the Google News sitemap we emit, written for `emitNewsSitemap` rather than
 * for sitemaps in general: a Sitemaps 0.9 `<urlset>` (https://www.sitemaps.org/protocol.html) whose
 * `<url>` holds exactly `<loc>` and one `<news:news>` with the Google News children we write, in
 * the order of Google's sitemap-news XSD (publication, publication_date, title). Zero `<url>`s is
 * valid: with no article of the last two days the sitemap is legitimately empty. The 1,000-entry
 * cap, URLs, dates and language codes are plain strings/counts here: the validator's rules check
 * them with messages that say how to fix them. XSD 1.0 needs one schema document per namespace;
 * the news schema is imported by name.
 */

/** File name under which {@link SITEMAP_SCHEMA} is compiled (its import resolves next to it). */
export const SITEMAP_SCHEMA_FILE = 'syndicate-sitemap.xsd';

/** File name of {@link SITEMAP_NEWS_SCHEMA}, as {@link SITEMAP_SCHEMA} imports it. */
export const SITEMAP_NEWS_SCHEMA_FILE = 'syndicate-sitemap-news.xsd';

/** The `<urlset>` of Sitemaps 0.9 with our `<url>` shape. */
export const SITEMAP_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
           xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
           targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
           elementFormDefault="qualified">
  <xs:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="${SITEMAP_NEWS_SCHEMA_FILE}"/>

  <xs:element name="urlset">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="url" type="Url" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <xs:complexType name="Url">
    <xs:sequence>
      <!-- Sitemaps 0.9: an absolute URL of at most 2,048 characters. -->
      <xs:element name="loc">
        <xs:simpleType>
          <xs:restriction base="xs:string">
            <xs:minLength value="1"/>
            <xs:maxLength value="2048"/>
          </xs:restriction>
        </xs:simpleType>
      </xs:element>
      <xs:element ref="news:news"/>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
`;

/** The Google News `<news:news>` element as we write it. */
export const SITEMAP_NEWS_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns="http://www.google.com/schemas/sitemap-news/0.9"
           targetNamespace="http://www.google.com/schemas/sitemap-news/0.9"
           elementFormDefault="qualified">

  <xs:simpleType name="NonEmpty">
    <xs:restriction base="xs:string">
      <xs:pattern value="[\\s\\S]*\\S[\\s\\S]*"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:element name="news">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="publication">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="name" type="NonEmpty"/>
              <xs:element name="language" type="NonEmpty"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
        <xs:element name="publication_date" type="NonEmpty"/>
        <xs:element name="title" type="NonEmpty"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
