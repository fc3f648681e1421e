/**
 * ninjs 1.x (1.0 to 1.8) as shapes: lower-case singular names (headline, byline, person…), text in
 * `body_*` and `description_*` properties, renditions and associations as objects keyed by name. Each
 * minor version only adds (except 1.2's two extra pubstatus values, dropped again in 1.3). Written after
 * the IPTC schemas ninjs-schema_1.0.json to _1.8.json.
 */
import { DATE_TIME, INTEGER, LANGUAGE, NUMBER, TEXT, URI, arrayOf, integerIn, mapOf, object, oneOf, prefixed, startsWithWord, when } from './build.ts';
import type { ObjectShape, Shape } from './shape.ts';

/** The top-level shape of ninjs 1.`minor`. */
export function ninjs1(minor: number): ObjectShape {
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
  const contact = when(minor >= 5, { contactinfo: arrayOf(contactInfo) });
  const coded = (name: string, extra: Readonly<Record<string, Shape>> = {}): ObjectShape => object(name, { name: TEXT, rel: TEXT, scheme: URI, code: TEXT, ...extra });
  // Renditions and associations are keyed "^[a-zA-Z0-9]+", from 1.4 "^[a-zA-Z0-9_]+" (unanchored at the end).
  const keys = startsWithWord(minor >= 4);
  const resourceType = minor >= 8 ? 'contenttype' : 'contentType';
  const rendition = object(
    'a rendition',
    {
      href: URI,
      mimetype: TEXT,
      title: TEXT,
      height: NUMBER,
      width: NUMBER,
      sizeinbytes: NUMBER,
      ...when(minor >= 2, { duration: NUMBER, format: TEXT }),
      ...when(minor >= 7, { resources: arrayOf(object('a resource', { role: TEXT, title: TEXT, language: LANGUAGE, [resourceType]: TEXT })) }),
      ...when(minor >= 8, {
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
    { renamed: { contenttype: 'mimetype', contentType: 'mimetype' } },
  );
  const pubstatus = minor === 2 ? oneOf('usable', 'withheld', 'canceled', 'replaced', 'commissioned') : oneOf('usable', 'withheld', 'canceled');

  const properties: Record<string, Shape> = {
    uri: URI,
    type: minor >= 2 ? oneOf('text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component') : oneOf('text', 'audio', 'video', 'picture', 'graphic', 'composite'),
    mimetype: TEXT,
    representationtype: oneOf('complete', 'incomplete'),
    profile: TEXT,
    version: TEXT,
    ...when(minor >= 2, { firstcreated: DATE_TIME }),
    versioncreated: DATE_TIME,
    ...when(minor >= 4, { contentcreated: DATE_TIME }),
    ...when(minor >= 8, { contentdigitised: DATE_TIME }),
    embargoed: DATE_TIME,
    pubstatus,
    // 1.1 to 1.5 type urgency as any number, "from 1 to 9" in words only; 1.6 made it an integer 1–9.
    ...when(minor >= 1, { urgency: minor >= 6 ? integerIn(1, 9) : { kind: 'number', described: [1, 9] } }),
    copyrightholder: TEXT,
    copyrightnotice: TEXT,
    ...when(minor >= 1, { usageterms: TEXT }),
    ...when(minor >= 2, { ednote: TEXT }),
    language: LANGUAGE,
    person: arrayOf(coded('a person', contact)),
    organisation: arrayOf(
      coded('an organisation', {
        symbols: arrayOf(object('a symbol', { ticker: TEXT, exchange: TEXT, ...when(minor >= 5, { symboltype: URI, symbol: TEXT }) })),
        ...contact,
      }),
    ),
    place: arrayOf(
      object('a place', { name: TEXT, rel: TEXT, scheme: URI, code: TEXT, ...contact }, minor >= 1 ? { patterns: [{ ...prefixed('geometry_'), shape: object('a geometry', {}, { closed: false }) }] } : {}),
    ),
    subject: arrayOf(coded('a subject', when(minor >= 5, { creator: TEXT, relevance: integerIn(0, 100), confidence: integerIn(0, 100) }))),
    event: arrayOf(coded('an event')),
    object: arrayOf(coded('an object')),
    ...when(minor >= 2, { infosource: arrayOf(coded('an information source', contact)), title: TEXT }),
    byline: TEXT,
    headline: TEXT,
    ...when(minor >= 2, { slugline: TEXT }),
    located: TEXT,
    ...when(minor >= 2, { charcount: NUMBER, wordcount: NUMBER }),
    renditions: mapOf('the renditions', rendition, keys),
    associations: mapOf('the associations', { kind: 'lazy', resolve: () => root }, keys),
    ...when(minor >= 3, {
      altids: object('the alternative ids', {}, { closed: false }),
      trustindicator: arrayOf(object('a trust indicator', { scheme: URI, code: TEXT, title: TEXT, href: URI })),
      $standard: object('the standard', { name: TEXT, version: TEXT, schema: URI }),
      genre: arrayOf(object('a genre', { name: TEXT, scheme: URI, code: TEXT })),
    }),
    ...when(minor >= 4, {
      expires: DATE_TIME,
      // The 1.x schemas leave rightsinfo open to other keys.
      rightsinfo: object(
        'the rights information',
        { langid: URI, linkedrights: URI, encodedrights: TEXT },
        { closed: false, exactlyOne: { keys: ['linkedrights', 'encodedrights'], rule: 'rights-info-choice' } },
      ),
    }),
    ...when(minor >= 6, { digitalsourcetype: object('the digital source type', { name: TEXT, uri: URI, literal: TEXT }) }),
  };
  const patterns = [
    { ...prefixed('description_'), shape: TEXT },
    { ...prefixed('body_'), shape: TEXT },
    ...(minor >= 3 ? [{ ...prefixed('headline_'), shape: TEXT }] : []),
  ];
  // Each association is a whole ninjs object, the "$ref" to the root (with its required uri).
  const root: ObjectShape = object('a ninjs object', properties, {
    required: ['uri'],
    patterns,
    renamed: { headlines: 'headline', by: 'byline', people: 'person', organisations: 'organisation', places: 'place', subjects: 'subject', events: 'event', objects: 'object', genres: 'genre', standard: '$standard', $schema: '$standard.schema' },
  });
  return root;
}
