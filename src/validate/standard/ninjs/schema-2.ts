/**
 * ninjs 2.x (2.0 to 2.4) as shapes: lower-case names, arrays of objects for headlines, bodies, renditions
 * and associations, no patternProperties. Written after the IPTC schemas ninjs-schema_2.0.json (with its
 * May 2022 errata for places) to _2.4.json.
 */
import { DATE_TIME, INTEGER, LANGUAGE, NUMBER, TEXT, URI, arrayOf, integerIn, mapOf, object, oneOf, when } from './build.ts';
import type { ObjectShape, Shape } from './shape.ts';

/** 2.x names for what 1.x called otherwise, for hints on unknown properties. */
const RENAMED: Readonly<Record<string, string>> = {
  byline: 'by',
  headline: 'headlines',
  person: 'people',
  organisation: 'organisations',
  place: 'places',
  subject: 'subjects',
  event: 'events',
  object: 'objects',
  genre: 'genres',
  infosource: 'infosources',
  trustindicator: 'trustindicators',
  $standard: 'standard',
  $schema: 'standard.schema',
  mimetype: 'contenttype',
};

/** The top-level shape of ninjs 2.`minor`. */
export function ninjs2(minor: number): ObjectShape {
  const contactInfo = object(
    'a contact information entry',
    {
      type: TEXT,
      role: TEXT,
      lang: LANGUAGE,
      name: TEXT,
      value: TEXT,
      address: object('an address', { lines: arrayOf(TEXT), locality: TEXT, area: TEXT, postalcode: TEXT, country: TEXT }),
    },
    { exactlyOne: { keys: ['value', 'address'], rule: 'contact-info-choice' } },
  );
  const contact = when(minor >= 1, { contactinfo: arrayOf(contactInfo) });
  const textItem = (name: string, extra: Readonly<Record<string, Shape>> = {}): ObjectShape =>
    object(name, { role: TEXT, contenttype: TEXT, ...extra, value: TEXT }, { required: ['value'], renamed: { contentType: 'contenttype' } });
  const named = (name: string, extra: Readonly<Record<string, Shape>> = {}): ObjectShape => object(name, { name: TEXT, rel: TEXT, uri: URI, literal: TEXT, ...extra });
  const rendition = object(
    'a rendition',
    {
      name: TEXT,
      href: URI,
      contenttype: TEXT,
      title: TEXT,
      height: NUMBER,
      width: NUMBER,
      sizeinbytes: NUMBER,
      duration: NUMBER,
      format: TEXT,
      ...when(minor >= 3, { resources: arrayOf(object('a resource', { role: TEXT, title: TEXT, language: LANGUAGE, contenttype: TEXT })) }),
      ...when(minor >= 4, {
        aspectratio: TEXT,
        videocodec: TEXT,
        framerate: NUMBER,
        poi: object('a point of interest', { x: INTEGER, y: INTEGER }),
        transportprotocol: TEXT,
        scantype: oneOf('progressive', 'interlaced'),
        bitrate: TEXT,
        extensions: mapOf('the rendition extensions', TEXT),
      }),
    },
    { required: ['name'], renamed: { mimetype: 'contenttype', contentType: 'contenttype' } },
  );

  const properties: Record<string, Shape> = {
    uri: URI,
    type: oneOf('text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component'),
    representationtype: oneOf('full', 'partial'),
    profile: TEXT,
    version: TEXT,
    firstcreated: DATE_TIME,
    versioncreated: DATE_TIME,
    contentcreated: DATE_TIME,
    ...when(minor >= 4, { contentdigitised: DATE_TIME }),
    embargoed: DATE_TIME,
    pubstatus: oneOf('usable', 'withheld', 'canceled'),
    // 2.0 types urgency as any number, "from 1 to 9" in words only; 2.1 made it an integer 1–9.
    urgency: minor >= 1 ? integerIn(1, 9) : { kind: 'number', described: [1, 9] },
    copyrightholder: TEXT,
    copyrightnotice: TEXT,
    usageterms: TEXT,
    ednote: TEXT,
    language: LANGUAGE,
    descriptions: arrayOf(textItem('a description')),
    bodies: arrayOf(textItem('a body', { charcount: NUMBER, wordcount: NUMBER })),
    headlines: arrayOf(textItem('a headline')),
    people: arrayOf(named('a person', contact)),
    organisations: arrayOf(
      named('an organisation', {
        symbols: arrayOf(object('a symbol', { ticker: TEXT, exchange: TEXT, ...when(minor >= 1, { symboltype: URI, symbol: TEXT }) })),
        ...contact,
      }),
    ),
    places: arrayOf(named('a place', { ...contact, geojson: { kind: 'geojson' } })),
    subjects: arrayOf(named('a subject', when(minor >= 1, { creator: TEXT, relevance: integerIn(0, 100), confidence: integerIn(0, 100) }))),
    events: arrayOf(named('an event')),
    objects: arrayOf(named('an object')),
    // 2.0 wanted an information source's role as a URI; 2.1 relaxed it to text.
    infosources: arrayOf(object('an information source', { name: TEXT, role: minor >= 1 ? TEXT : URI, uri: URI, literal: TEXT, ...contact })),
    title: TEXT,
    by: TEXT,
    slugline: TEXT,
    located: TEXT,
    renditions: arrayOf(rendition),
    associations: arrayOf({ kind: 'lazy', resolve: () => association }),
    altids: arrayOf(object('an alternative id', { role: TEXT, value: TEXT })),
    trustindicators: arrayOf(object('a trust indicator', { role: URI, title: TEXT, href: URI })),
    standard: object('the standard', { name: TEXT, version: TEXT, schema: URI }),
    // 2.0 declared a genre's uri a URI; 2.1 dropped the format.
    genres: arrayOf(object('a genre', { name: TEXT, uri: minor >= 1 ? TEXT : URI, literal: TEXT })),
    ...when(minor >= 1, { expires: DATE_TIME }),
    // The 2.x schemas leave rightsinfo open to other keys.
    rightsinfo: object(
      'the rights information',
      { langid: URI, linkedrights: URI, encodedrights: TEXT },
      { closed: false, exactlyOne: { keys: ['linkedrights', 'encodedrights'], rule: 'rights-info-choice' } },
    ),
    ...when(minor >= 2, { digitalsourcetype: object('the digital source type', { name: TEXT, uri: URI, literal: TEXT }) }),
  };
  // 2.1 made an association a ninjs object with a required name and uri. 2.0's "anyOf" let any object with
  // a name through, a bug IPTC's own 2.0 test suite expects to fail; 2.0 is held to a ninjs object with an
  // optional name.
  const association: ObjectShape = object('an association', { ...properties, name: TEXT }, { required: minor >= 1 ? ['name', 'uri'] : ['uri'], renamed: RENAMED });
  return object('a ninjs object', properties, { required: ['uri'], renamed: RENAMED });
}
