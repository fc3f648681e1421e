/**
 * Geographic extensions (W3C `extension.py`): W3C Basic Geo (geo:lat, geo:long, geo:Point), GeoURL and
 * ICBM positions, and GeoRSS Simple and GML (http://www.georss.org/): positions are latitude and longitude.
 */
import { container, leaf } from '../checks/common.ts';
import { decimalIn, TEXT } from '../checks/kinds.ts';
import { checkInteger } from '../checks/values.ts';
import type { ChildKind } from '../kind.ts';
import { named, quote, report } from '../report.ts';

const LATITUDE = decimalIn(-90, 90, 'latitude');
const LONGITUDE = decimalIn(-180, 180, 'longitude');
const DECIMAL = leaf({
  check(visit) {
    if (!/^[-+]?\d+\.?\d*\s*$/.test(visit.value)) report(visit, 'invalid-value', `${named(visit)} ${quote(visit.value)} is not a decimal number`, 'end');
  },
});

/** A GeoRSS/GML position: two numbers, latitude and longitude (GeoRSS Simple). */
const POSITION = leaf({
  check(visit) {
    if (!/^[-+]?\d+\.?\d*[ ,][-+]?\d+\.?\d*$/.test(visit.value)) report(visit, 'invalid-value', `${named(visit)} ${quote(visit.value)} is not a position; write latitude and longitude separated by a space, e.g. "45.256 -71.92"`, 'end');
  },
});

/** A GeoRSS/GML list of positions: an even number (at least four) of numbers. */
const POSITIONS = leaf({
  check(visit) {
    const values = visit.value.replace(/,/g, ' ').trim().split(/\s+/);
    if (values.length < 4 || values.length % 2 === 1 || !values.every((v) => /^[-+]?\d+\.?\d*$/.test(v))) {
      report(visit, 'invalid-value', `${named(visit)} ${quote(visit.value)} is not a list of positions; write pairs of latitude and longitude separated by spaces`, 'end');
    }
  },
});

const GML_POINT = container({ gml_pos: POSITION }, { attributes: ['srsName'] });
const GML_LINE = container({ gml_posList: POSITIONS }, { attributes: ['srsName'] });
const GML_POLYGON = container({ gml_exterior: container({ gml_LinearRing: container({ gml_posList: POSITIONS }, { attributes: ['srsName'] }) }) }, { attributes: ['srsName'] });
const GML_ENVELOPE = container({ gml_lowerCorner: POSITION, gml_upperCorner: POSITION }, { attributes: ['srsName'] });

const GEO_POINT = container(
  { geo_lat: LATITUDE, geo_long: LONGITUDE, geo_alt: DECIMAL },
  {
    end(visit) {
      for (const [key, name] of [['geo_lat', 'geo:lat'], ['geo_long', 'geo:long']] as const) {
        if (!visit.counts.has(key)) report(visit, 'missing-element', `${named(visit)} needs <${name}>`, 'end');
      }
    },
  },
);

/** The geographic elements allowed wherever extensions are. */
export const GEO: Readonly<Record<string, ChildKind>> = {
  geo_Point: GEO_POINT,
  geo_lat: LATITUDE,
  geo_long: LONGITUDE,
  geo_alt: DECIMAL,
  geourl_latitude: LATITUDE,
  geourl_longitude: LONGITUDE,
  georss_where: container({ gml_Point: GML_POINT, gml_LineString: GML_LINE, gml_Polygon: GML_POLYGON, gml_Envelope: GML_ENVELOPE }),
  georss_point: POSITION,
  georss_line: POSITIONS,
  georss_polygon: POSITIONS,
  georss_box: POSITIONS,
  georss_featureTypeTag: TEXT,
  georss_relationshipTag: TEXT,
  georss_featureName: TEXT,
  georss_elev: DECIMAL,
  georss_floor: leaf({ check: (v) => checkInteger(v) }),
  georss_radius: DECIMAL,
  icbm_latitude: LATITUDE,
  icbm_longitude: LONGITUDE,
};
