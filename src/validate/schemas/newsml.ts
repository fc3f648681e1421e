/**
 * Our own XML Schema for the NewsML-G2 2.35 we emit: a strict subset of IPTC's All-Power schema, written
 * from the specification (https://iptc.org/standards/newsml-g2/) rather than copied from it. Where IPTC
 * allows a choice or leaves a value open, this schema pins what `emitNewsml` writes: the exact element
 * order, the attributes we always set, fixed values (standard, version, conformance, catalog URL,
 * rendition) and value patterns (QCodes, Media Topic codes, date-times with an explicit UTC offset).
 * A document that passes it also passes IPTC's schema; the conformance tests check that claim.
 *
 * One thing XSD 1.0 cannot say: which parts an item needs depends on its pubStatus. A usable item carries its
 * content (contentMeta, then contentSet or groupSet) and its rights; a withdrawal notice (stat:canceled) ends
 * after itemMeta. So those parts are optional here, as in IPTC's schema, and validate/newsml.ts's
 * checkItemContent requires or forbids them by pubStatus.
 */

/** File name under which the `xml:` namespace schema below is served to libxml2 (imported by name). */
export const XML_NAMESPACE_SCHEMA_FILE = 'syndicate-xml-lang.xsd';

/** File name of the NewsML-G2 schema; its `xs:import` of the `xml:` namespace is resolved relative to it. */
export const NEWSML_SCHEMA_FILE = 'syndicate-newsml-g2.xsd';

/**
 * The `xml:` namespace, reduced to the one attribute we use: `xml:lang` with a BCP 47 tag
 * (XML 1.0 §2.12; unlike W3C's xml.xsd the empty string is not accepted).
 */
export const XML_NAMESPACE_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang" type="xs:language"/>
</xs:schema>
`;

/** The NewsML-G2 2.35 subset we emit: one newsMessage with a package item, a text item and picture items. */
export const NEWSML_SCHEMA = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns="http://iptc.org/std/nar/2006-10-01/"
           targetNamespace="http://iptc.org/std/nar/2006-10-01/"
           elementFormDefault="qualified"
           attributeFormDefault="unqualified">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="${XML_NAMESPACE_SCHEMA_FILE}"/>

  <!-- ===== Simple types ===== -->

  <!-- RFC 3339 date-time with seconds and an explicit offset; IPTC's DateTimePropType also allows none. -->
  <xs:simpleType name="OffsetDateTime">
    <xs:restriction base="xs:dateTime">
      <xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+\\-][0-9]{2}:[0-9]{2})"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- QCode = scheme alias ":" code (NewsML-G2 spec, "QCodeType"); aliases are NCName-like. -->
  <xs:simpleType name="QCode">
    <xs:restriction base="xs:string">
      <xs:pattern value="[A-Za-z_][A-Za-z0-9._\\-]*:[^\\s]+"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="ItemClass">
    <xs:restriction base="xs:string">
      <xs:enumeration value="ninat:composite"/>
      <xs:enumeration value="ninat:text"/>
      <xs:enumeration value="ninat:picture"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="PubStatus">
    <xs:restriction base="xs:string">
      <xs:enumeration value="stat:usable"/>
      <!-- A withdrawn story: a new version that tells receivers to take every version down. -->
      <xs:enumeration value="stat:canceled"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- IPTC Signal NewsCodes we send: why this version was issued (none for version 1). -->
  <xs:simpleType name="Signal">
    <xs:restriction base="xs:string">
      <xs:enumeration value="sig:update"/>
      <xs:enumeration value="sig:correction"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="MediaTopic">
    <xs:restriction base="xs:string">
      <xs:pattern value="medtop:[0-9]{8}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="DescriptionRole">
    <xs:restriction base="xs:string">
      <xs:enumeration value="drol:summary"/>
      <xs:enumeration value="drol:caption"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- A globally unique id without whitespace (tag: or urn: URI, or URL-like). -->
  <xs:simpleType name="Guid">
    <xs:restriction base="xs:string">
      <xs:pattern value="[^\\s]+"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Text">
    <xs:restriction base="xs:string">
      <xs:minLength value="1"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- IPTC's g2normalizedString ([\\S ]*): one line, no tabs or line breaks; ours is also non-empty. -->
  <xs:simpleType name="Line">
    <xs:restriction base="xs:string">
      <xs:minLength value="1"/>
      <xs:pattern value="[\\S ]+"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="MediaType">
    <xs:restriction base="xs:string">
      <xs:pattern value="[a-z]+/[a-z0-9.+\\-]+"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="NewsItemContentType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="application/vnd.iptc.g2.newsitem+xml"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- ===== newsMessage (spec: "News Message") ===== -->

  <xs:element name="newsMessage">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="header">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="sent" type="OffsetDateTime"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
        <xs:element name="itemSet">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="packageItem" type="PackageItem"/>
              <!-- The text item, then one picture item per photo with a URL. -->
              <xs:element name="newsItem" type="NewsItem" maxOccurs="unbounded"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- ===== Parts shared by all items (spec: "AnyItemType") ===== -->

  <xs:attributeGroup name="ItemAttributes">
    <xs:attribute name="standard" type="xs:string" use="required" fixed="NewsML-G2"/>
    <xs:attribute name="standardversion" type="xs:string" use="required" fixed="2.35"/>
    <xs:attribute name="conformance" type="xs:string" use="required" fixed="power"/>
    <xs:attribute name="guid" type="Guid" use="required"/>
    <xs:attribute name="version" type="xs:positiveInteger" use="required"/>
    <xs:attribute ref="xml:lang" use="required"/>
  </xs:attributeGroup>

  <xs:complexType name="CatalogRef">
    <xs:attribute name="href" type="xs:anyURI" use="required"
                  fixed="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml"/>
  </xs:complexType>

  <xs:complexType name="Catalog">
    <xs:sequence>
      <xs:element name="scheme" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="alias" type="xs:NCName" use="required"/>
          <xs:attribute name="uri" type="xs:anyURI" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Named">
    <xs:sequence>
      <xs:element name="name" type="Line"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="NamedWithUri">
    <xs:complexContent>
      <xs:extension base="Named">
        <xs:attribute name="uri" type="xs:anyURI" use="optional"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>

  <xs:complexType name="Provider">
    <xs:complexContent>
      <xs:extension base="Named">
        <xs:attribute name="uri" type="xs:anyURI" use="required"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>

  <!-- The publication's statement (holder and notice), or a photo's own notice alone: its holder is unknown. -->
  <xs:complexType name="RightsInfo">
    <xs:sequence>
      <xs:element name="copyrightHolder" type="Named" minOccurs="0"/>
      <xs:element name="copyrightNotice" type="Text"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="ItemClassProp">
    <xs:attribute name="qcode" type="ItemClass" use="required"/>
  </xs:complexType>

  <xs:complexType name="PubStatusProp">
    <xs:attribute name="qcode" type="PubStatus" use="required"/>
  </xs:complexType>

  <!-- spec "ItemManagementGroup": itemClass, provider, versionCreated, firstCreated, embargoed, pubStatus,
       edNote, signal (IPTC puts role … title between pubStatus and edNote, and memberOf, instanceOf between
       edNote and signal; we write none of them), then links. -->
  <xs:complexType name="ItemMeta">
    <xs:sequence>
      <xs:element name="itemClass" type="ItemClassProp"/>
      <xs:element name="provider" type="Provider"/>
      <xs:element name="versionCreated" type="OffsetDateTime"/>
      <xs:element name="firstCreated" type="OffsetDateTime"/>
      <!-- IPTC's DateTimeOrNullPropType also allows an empty element ("not embargoed"); we leave it out instead. -->
      <xs:element name="embargoed" type="OffsetDateTime" minOccurs="0"/>
      <xs:element name="pubStatus" type="PubStatusProp"/>
      <!-- Plain-text notes to the receiving editors (IPTC's BlockType also allows inline markup): the
           correction and the withdrawal reason. -->
      <xs:element name="edNote" type="Text" minOccurs="0" maxOccurs="2"/>
      <xs:element name="signal" minOccurs="0">
        <xs:complexType>
          <xs:attribute name="qcode" type="Signal" use="required"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="link" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="rel" type="xs:string" use="required" fixed="irel:seeAlso"/>
          <xs:attribute name="residref" type="Guid" use="required"/>
          <xs:attribute name="version" type="xs:positiveInteger" use="required"/>
          <xs:attribute name="contenttype" type="NewsItemContentType" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <!-- ===== Package item ===== -->

  <xs:complexType name="PackageItem">
    <xs:sequence>
      <xs:element name="catalogRef" type="CatalogRef"/>
      <!-- Declares the non-IPTC group-role alias ("group"): required when usable, none in a notice (checkItemContent). -->
      <xs:element name="catalog" type="Catalog" minOccurs="0"/>
      <xs:element name="rightsInfo" type="RightsInfo"/>
      <xs:element name="itemMeta" type="ItemMeta"/>
      <!-- contentMeta and groupSet: required when usable, absent from a withdrawal notice (checkItemContent). -->
      <xs:element name="contentMeta" minOccurs="0">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="slugline" type="Line"/>
            <xs:element name="headline" type="Text"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="groupSet" minOccurs="0">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="group" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="itemRef" maxOccurs="unbounded">
                    <xs:complexType>
                      <!-- IPTC's Link1Type takes any elements here; we pin the target's summary, in item order. -->
                      <xs:sequence>
                        <xs:element name="itemClass" type="ItemClassProp"/>
                        <xs:element name="provider" type="Provider"/>
                        <xs:element name="versionCreated" type="OffsetDateTime"/>
                        <xs:element name="pubStatus" type="PubStatusProp"/>
                        <xs:element name="title" type="Text"/>
                        <xs:element name="slugline" type="Line" minOccurs="0"/>
                        <xs:element name="headline" type="Text" minOccurs="0"/>
                        <xs:element name="description" type="Description"/>
                      </xs:sequence>
                      <xs:attribute name="residref" type="Guid" use="required"/>
                      <xs:attribute name="version" type="xs:positiveInteger" use="required"/>
                      <xs:attribute name="contenttype" type="NewsItemContentType" use="required"/>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
                <xs:attribute name="id" type="xs:ID" use="required"/>
                <!-- Optional in IPTC's schema; the spec's processing model needs it, so we require it. -->
                <xs:attribute name="role" type="QCode" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
          <xs:attribute name="root" type="xs:IDREF" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attributeGroup ref="ItemAttributes"/>
  </xs:complexType>

  <!-- ===== News items (text and picture share one type: XSD 1.0 allows one type per element name) ===== -->

  <xs:complexType name="NewsItem">
    <xs:sequence>
      <xs:element name="catalogRef" type="CatalogRef"/>
      <!-- Required when usable; a picture's withdrawal notice states none (checkItemContent). -->
      <xs:element name="rightsInfo" type="RightsInfo" minOccurs="0"/>
      <xs:element name="itemMeta" type="ItemMeta"/>
      <!-- contentMeta and contentSet: required when usable, absent from a withdrawal notice (checkItemContent). -->
      <xs:element name="contentMeta" type="ContentMeta" minOccurs="0"/>
      <xs:element name="contentSet" minOccurs="0">
        <xs:complexType>
          <xs:choice>
            <xs:element name="inlineXML">
              <xs:complexType>
                <!-- Exactly one element from the XHTML namespace; the validator's xhtml-body rule checks its shape. -->
                <xs:sequence>
                  <xs:any namespace="http://www.w3.org/1999/xhtml" processContents="skip"/>
                </xs:sequence>
                <xs:attribute name="contenttype" type="xs:string" use="required" fixed="application/xhtml+xml"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="remoteContent">
              <xs:complexType>
                <xs:attribute name="href" type="xs:anyURI" use="required"/>
                <xs:attribute name="contenttype" type="MediaType" use="optional"/>
                <xs:attribute name="width" type="xs:positiveInteger" use="optional"/>
                <xs:attribute name="height" type="xs:positiveInteger" use="optional"/>
                <xs:attribute name="rendition" type="xs:string" use="required" fixed="rnd:highRes"/>
              </xs:complexType>
            </xs:element>
          </xs:choice>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attributeGroup ref="ItemAttributes"/>
  </xs:complexType>

  <!-- spec "ContentMetadataAfDType": administrative properties first, then descriptive ones; IPTC lets the
       descriptive ones come in any order, we pin the order of the spec's DescriptiveMetadataGroup. -->
  <xs:complexType name="ContentMeta">
    <xs:sequence>
      <xs:element name="contentCreated" type="OffsetDateTime" minOccurs="0"/>
      <xs:element name="contentModified" type="OffsetDateTime" minOccurs="0"/>
      <!-- IPTC allows located, infoSource, creator… in any order; we write the place first. -->
      <xs:element name="located" type="Named" minOccurs="0"/>
      <xs:element name="creator" type="NamedWithUri" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="language">
        <xs:complexType>
          <xs:attribute name="tag" type="xs:language" use="required"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="keyword" type="Text" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="subject" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="name">
              <xs:complexType>
                <xs:simpleContent>
                  <xs:extension base="Line">
                    <xs:attribute ref="xml:lang" use="required"/>
                  </xs:extension>
                </xs:simpleContent>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
          <xs:attribute name="type" type="xs:string" use="required" fixed="cpnat:abstract"/>
          <xs:attribute name="qcode" type="MediaTopic" use="required"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="slugline" type="Line" minOccurs="0"/>
      <xs:element name="headline" type="Text" minOccurs="0"/>
      <xs:element name="dateline" type="Text" minOccurs="0"/>
      <xs:element name="by" type="Text" minOccurs="0"/>
      <xs:element name="creditline" type="Line" minOccurs="0"/>
      <xs:element name="description" type="Description"/>
    </xs:sequence>
  </xs:complexType>

  <!-- A summary (text) or caption (picture), plain text. -->
  <xs:complexType name="Description">
    <xs:simpleContent>
      <xs:extension base="Text">
        <xs:attribute name="role" type="DescriptionRole" use="required"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
</xs:schema>
`;
