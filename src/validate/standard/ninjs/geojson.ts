/**
 * GeoJSON (RFC 7946) as the ninjs schemas reference it for a place's `geoJSON` (3.x) or `geojson` (2.x):
 * a geometry, a Feature or a FeatureCollection, each with the members RFC 7946 §3 requires and positions of
 * at least two numbers. Members GeoJSON does not define are allowed (RFC 7946 §6.1, foreign members).
 */
import { describeValue, has, isObject } from './describe.ts';

/** The geometry types of RFC 7946 §3.1 other than GeometryCollection. */
const SIMPLE_GEOMETRIES = new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon']);

/** What is wrong with a GeoJSON object, in words, or undefined when it is one. */
export function checkGeoJson(value: unknown): string | undefined {
  if (!isObject(value)) return `it is ${describeValue(value)}, not an object`;
  const type = value['type'];
  if (type === 'Feature') return checkFeature(value);
  if (type === 'FeatureCollection') {
    const problem = checkBbox(value) ?? requireMember(value, 'features');
    if (problem !== undefined) return problem;
    const features = value['features'];
    if (!Array.isArray(features)) return `"features" is ${describeValue(features)}, not an array`;
    for (let i = 0; i < features.length; i++) {
      const feature: unknown = features[i];
      const inner = isObject(feature) && feature['type'] === 'Feature' ? checkFeature(feature) : 'it is not a Feature';
      if (inner !== undefined) return `features[${i}]: ${inner}`;
    }
    return undefined;
  }
  return checkGeometry(value, true);
}

/** RFC 7946 §3.2: a Feature has "geometry" (a geometry or null) and "properties" (an object or null). */
function checkFeature(value: Record<string, unknown>): string | undefined {
  const problem = checkBbox(value) ?? requireMember(value, 'geometry') ?? requireMember(value, 'properties');
  if (problem !== undefined) return problem;
  const properties = value['properties'];
  if (properties !== null && !isObject(properties)) return `"properties" is ${describeValue(properties)}, not an object or null`;
  const id = value['id'];
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') return `"id" is ${describeValue(id)}, not a string or a number`;
  const geometry = value['geometry'];
  if (geometry === null) return undefined;
  if (!isObject(geometry)) return `"geometry" is ${describeValue(geometry)}, not a geometry object or null`;
  const inner = checkGeometry(geometry, true);
  return inner === undefined ? undefined : `geometry: ${inner}`;
}

/** RFC 7946 §3.1: a geometry of a known type with its "coordinates" (or "geometries"). */
function checkGeometry(value: Record<string, unknown>, collectionAllowed: boolean): string | undefined {
  const type = value['type'];
  if (type === 'GeometryCollection' && collectionAllowed) {
    const problem = checkBbox(value) ?? requireMember(value, 'geometries');
    if (problem !== undefined) return problem;
    const geometries = value['geometries'];
    if (!Array.isArray(geometries)) return `"geometries" is ${describeValue(geometries)}, not an array`;
    for (let i = 0; i < geometries.length; i++) {
      const geometry: unknown = geometries[i];
      // The schema IPTC references lists only the simple geometries inside a collection (RFC 7946 §3.1.8 discourages nesting).
      const inner = isObject(geometry) ? checkGeometry(geometry, false) : `it is ${describeValue(geometry)}, not a geometry`;
      if (inner !== undefined) return `geometries[${i}]: ${inner}`;
    }
    return undefined;
  }
  if (typeof type !== 'string' || !SIMPLE_GEOMETRIES.has(type)) {
    const allowed = collectionAllowed ? 'a geometry type (Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon, GeometryCollection), "Feature" or "FeatureCollection"' : 'Point, LineString, Polygon, MultiPoint, MultiLineString or MultiPolygon';
    return `"type" is ${describeValue(type)}, not ${allowed}`;
  }
  const problem = checkBbox(value) ?? requireMember(value, 'coordinates');
  if (problem !== undefined) return problem;
  const coordinates = value['coordinates'];
  const bad = checkCoordinates(type, coordinates);
  return bad === undefined ? undefined : `"coordinates" of a ${type}: ${bad}`;
}

/** RFC 7946 §3.1.2–3.1.7: the nesting each geometry type's coordinates have. */
function checkCoordinates(type: string, coordinates: unknown): string | undefined {
  switch (type) {
    case 'Point':
      return checkPosition(coordinates);
    case 'LineString':
      return checkPositions(coordinates, 2);
    case 'MultiPoint':
      return checkPositions(coordinates, 0);
    case 'Polygon':
      return checkEach(coordinates, (ring) => checkPositions(ring, 4));
    case 'MultiLineString':
      return checkEach(coordinates, (line) => checkPositions(line, 2));
    default:
      return checkEach(coordinates, (polygon) => checkEach(polygon, (ring) => checkPositions(ring, 4)));
  }
}

/** An array whose every item passes `check`. */
function checkEach(value: unknown, check: (item: unknown) => string | undefined): string | undefined {
  if (!Array.isArray(value)) return `${describeValue(value)} where an array belongs`;
  for (let i = 0; i < value.length; i++) {
    const problem = check(value[i]);
    if (problem !== undefined) return `[${i}] ${problem}`;
  }
  return undefined;
}

/** At least `least` positions (RFC 7946: two for a line, four for a linear ring). */
function checkPositions(value: unknown, least: number): string | undefined {
  if (Array.isArray(value) && value.length < least) return `${value.length} position(s) where at least ${least} are needed`;
  return checkEach(value, checkPosition);
}

/** RFC 7946 §3.1.1: a position is an array of two or more numbers. */
function checkPosition(value: unknown): string | undefined {
  if (!Array.isArray(value)) return `${describeValue(value)} where a position (an array of numbers) belongs`;
  if (value.length < 2) return 'a position with fewer than two numbers';
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) return 'a position holding something other than numbers';
  return undefined;
}

/** RFC 7946 §5: a bounding box is an array of at least four numbers. */
function checkBbox(value: Record<string, unknown>): string | undefined {
  if (!has(value, 'bbox')) return undefined;
  const bbox = value['bbox'];
  if (!Array.isArray(bbox) || bbox.length < 4 || !bbox.every((n) => typeof n === 'number' && Number.isFinite(n))) return `"bbox" is not an array of at least four numbers`;
  return undefined;
}

function requireMember(value: Record<string, unknown>, key: string): string | undefined {
  return has(value, key) ? undefined : `it has no "${key}"`;
}
