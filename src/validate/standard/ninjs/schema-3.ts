/**
 * ninjs 3.x (3.0 to 3.3) as shapes: camelCase names, arrays of objects for headlines, bodies and renditions,
 * events and planning (eventDetails, plannedCoverage), a closed top level (the official schemas'
 * `unevaluatedProperties: false`). Written after the IPTC schemas ninjs-schema_3.0.json to _3.3.json.
 */
import { formatPath, has, type JsonPath } from './describe.ts';
import { DATE_TIME, INTEGER, LANGUAGE, NUMBER, TEXT, TRUNCATED_DATE_TIME, URI, arrayOf, integerIn, mapOf, object, oneOf, when } from './build.ts';
import { report, type ObjectShape, type Shape, type Walk } from './shape.ts';

/** 3.x names for what 1.x and 2.x called otherwise, for hints on unknown properties. */
const RENAMED: Readonly<Record<string, string>> = {
  embargoed: 'embargoedUntil',
  byline: 'by',
  headline: 'headlines',
  person: 'people',
  organisation: 'organisations',
  place: 'places',
  subject: 'subjects',
  event: 'events',
  object: 'objects',
  genre: 'genres',
  infosource: 'infoSources',
  trustindicator: 'trustIndicators',
  $standard: 'standard',
  $schema: 'standard.schema',
  mimetype: 'contentType',
};

/** The top-level shape of ninjs 3.`minor`. */
export function ninjs3(minor: number): ObjectShape {
  const dates = object(
    'the dates',
    {
      startDate: DATE_TIME,
      endDate: DATE_TIME,
      expectedStartDate: TRUNCATED_DATE_TIME,
      expectedEndDate: TRUNCATED_DATE_TIME,
      expectedDuration: TEXT,
      recurrence: object('the recurrence', {
        recurrenceDates: {
          kind: 'conflict',
          explanation:
            'the official ninjs 3.x schema declares recurrenceDates both an array and a truncated date string, so every value fails validation against it; leave recurrenceDates out and give the dates with recurrenceRules',
        },
        recurrenceRules: arrayOf(
          object('a recurrence rule', {
            frequency: oneOf('secondly', 'minutely', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'),
            interval: INTEGER,
            until: DATE_TIME,
            count: INTEGER,
          }),
        ),
      }),
    },
    { check: checkDates },
  );
  const contactInfo = object(
    'a contact information entry',
    {
      type: TEXT,
      role: TEXT,
      lang: LANGUAGE,
      name: TEXT,
      value: TEXT,
      address: object('an address', { lines: arrayOf(TEXT), locality: TEXT, area: TEXT, postalCode: TEXT, country: TEXT }),
    },
    { exactlyOne: { keys: ['value', 'address'], rule: 'contact-info-choice' } },
  );
  const organisation = object('an organisation', {
    name: TEXT,
    rel: TEXT,
    uri: URI,
    literal: TEXT,
    symbols: arrayOf(object('a symbol', { exchange: TEXT, symbolType: URI, symbol: TEXT })),
    contactInfo: arrayOf(contactInfo),
  });
  const resource = object('a resource', { role: TEXT, title: TEXT, language: LANGUAGE, contentType: TEXT });
  const rendition = object(
    'a rendition',
    {
      name: TEXT,
      href: URI,
      contentType: TEXT,
      title: TEXT,
      width: INTEGER,
      height: INTEGER,
      sizeInBytes: INTEGER,
      duration: NUMBER,
      format: TEXT,
      aspectRatio: TEXT,
      videoCodec: TEXT,
      frameRate: NUMBER,
      poi: object('a point of interest', { x: INTEGER, y: INTEGER }),
      transportProtocol: TEXT,
      scanType: oneOf('progressive', 'interlaced'),
      bitrate: TEXT,
      ...when(minor >= 2, { resources: arrayOf(resource) }),
      ...when(minor >= 3, { extensions: mapOf('the rendition extensions', TEXT) }),
    },
    { required: ['name'], renamed: { mimetype: 'contentType', sizeinbytes: 'sizeInBytes' } },
  );
  const newsObjectType = oneOf('text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component', 'event', 'planning');
  const textItem = (name: string, extra: Readonly<Record<string, Shape>> = {}): ObjectShape =>
    object(name, { role: TEXT, contentType: TEXT, ...extra, value: TEXT }, { required: ['value'], renamed: { contenttype: 'contentType' } });
  const named = (name: string, extra: Readonly<Record<string, Shape>> = {}): ObjectShape => object(name, { name: TEXT, rel: TEXT, uri: URI, literal: TEXT, ...extra });
  const pubStatus = oneOf('usable', 'withheld', 'canceled');

  const properties: Record<string, Shape> = {
    uri: URI,
    type: newsObjectType,
    representationType: oneOf('full', 'partial'),
    profile: TEXT,
    version: TEXT,
    firstCreated: DATE_TIME,
    versionCreated: DATE_TIME,
    contentCreated: DATE_TIME,
    ...when(minor >= 3, { contentDigitised: DATE_TIME }),
    embargoedUntil: DATE_TIME,
    pubStatus,
    urgency: integerIn(1, 9),
    copyrightHolder: TEXT,
    copyrightNotice: TEXT,
    usageTerms: TEXT,
    edNote: TEXT,
    language: LANGUAGE,
    descriptions: arrayOf(textItem('a description')),
    bodies: arrayOf(textItem('a body', { charCount: INTEGER, wordCount: INTEGER })),
    headlines: arrayOf(textItem('a headline')),
    people: arrayOf(named('a person', { contactInfo: arrayOf(contactInfo) })),
    organisations: arrayOf(organisation),
    places: arrayOf(named('a place', { contactInfo: arrayOf(contactInfo), geoJSON: { kind: 'geojson' } })),
    subjects: arrayOf(named('a subject', { creator: TEXT, relevance: integerIn(0, 100), confidence: integerIn(0, 100) })),
    events: arrayOf(object('an event', { id: TEXT, name: TEXT, rel: TEXT, uri: URI, literal: TEXT })),
    eventDetails: object('the event details', { eventStatus: URI, plannedCoverageStatus: URI, dates, organiser: organisation }),
    plannedCoverage: arrayOf(
      object('a planned coverage', {
        uri: URI,
        title: TEXT,
        pubStatus,
        type: newsObjectType,
        commissioned: object('the commissioning', {
          by: TEXT,
          on: DATE_TIME,
          references: arrayOf(object('a commissioning reference', { name: TEXT, value: TEXT })),
        }),
        dates,
        audiences: arrayOf(object('an audience', { audience: TEXT, significance: INTEGER })),
        exclAudience: arrayOf(TEXT),
        edNote: TEXT,
        urgency: integerIn(1, 9),
        language: LANGUAGE,
        itemCount: object('the item count', { rangeFrom: INTEGER, rangeTo: INTEGER }),
        wordCount: INTEGER,
        renditions: arrayOf(rendition),
      }),
    ),
    objects: arrayOf(named('an object')),
    infoSources: arrayOf(object('an information source', { name: TEXT, role: TEXT, uri: URI, literal: TEXT, contactInfo: arrayOf(contactInfo) })),
    title: TEXT,
    by: TEXT,
    slugline: TEXT,
    located: TEXT,
    renditions: arrayOf(rendition),
    associations: arrayOf({ kind: 'lazy', resolve: () => association }),
    altIds: arrayOf(object('an alternative id', { role: TEXT, value: TEXT })),
    trustIndicators: arrayOf(object('a trust indicator', { role: URI, title: TEXT, href: URI })),
    standard: object('the standard', { name: TEXT, version: TEXT, schema: URI }),
    // Unlike the other identifiers, a genre's uri has no "format" in the 3.x schemas.
    genres: arrayOf(object('a genre', { name: TEXT, uri: TEXT, literal: TEXT })),
    expires: DATE_TIME,
    rightsInfo: object('the rights information', { langId: URI, linkedRights: URI, encodedRights: TEXT }, { exactlyOne: { keys: ['linkedRights', 'encodedRights'], rule: 'rights-info-choice' } }),
    ...when(minor >= 1, { digitalSourceType: object('the digital source type', { name: TEXT, uri: URI, literal: TEXT }) }),
  };
  // An association is a ninjs object of its own with a name and a relation (unevaluatedProperties false).
  const association: ObjectShape = object('an association', { ...properties, name: TEXT, rel: TEXT }, { required: ['name', 'uri'], renamed: RENAMED });
  return object('a ninjs object', properties, { required: ['uri'], renamed: RENAMED });
}

/**
 * $defs/datesObjectType: anyOf( oneOf(startDate, expectedStartDate), oneOf(endDate, expectedEndDate) ) —
 * exactly one kind of start, or exactly one kind of end.
 */
function checkDates(value: Record<string, unknown>, at: JsonPath, walk: Walk): void {
  const starts = (has(value, 'startDate') ? 1 : 0) + (has(value, 'expectedStartDate') ? 1 : 0);
  const ends = (has(value, 'endDate') ? 1 : 0) + (has(value, 'expectedEndDate') ? 1 : 0);
  if (starts === 1 || ends === 1) return;
  const start = starts === 2 ? 'both "startDate" and "expectedStartDate"' : 'no start date';
  const end = ends === 2 ? 'both "endDate" and "expectedEndDate"' : 'no end date';
  report(
    walk,
    'event-dates',
    `${formatPath(at)} has ${start} and ${end}; ${walk.label} wants exactly one of startDate and expectedStartDate, or exactly one of endDate and expectedEndDate`,
    at,
  );
}
