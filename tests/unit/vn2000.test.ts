import * as turf from '@turf/turf';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { provinceTm3, vn2000ToWgs84, wgs84ToVn2000 } from '@pcmt/shared/vn2000';

const laoCai = provinceTm3('lao-cai')!;

describe('VN-2000 plane coordinates', () => {
  it.each([[[104.75, 22.5]], [[103.3, 22.4]], [[105.6, 19.8]]] as [[number, number]][])(
    'goes to WGS 84 and back within a centimetre: %j',
    (p) => {
      const v = wgs84ToVn2000(p, laoCai);
      const back = vn2000ToWgs84(v.x, v.y, laoCai);
      expect(turf.distance(p, back, { units: 'meters' })).toBeLessThan(0.01);
    },
  );

  it('reads X as the northing and Y as the easting, 500 km false easting on the zone meridian', () => {
    const v = wgs84ToVn2000([104.75, 22.5], laoCai);
    expect(v.x).toBeGreaterThan(2_480_000);
    expect(v.x).toBeLessThan(2_500_000);
    expect(Math.abs(v.y - 500_000)).toBeLessThan(400);
  });

  it('applies the 7-parameter datum shift: the same numbers without it land about 200 m away', () => {
    const v = wgs84ToVn2000([104.75, 22.5], laoCai);
    const plain = proj4(
      '+proj=tmerc +lat_0=0 +lon_0=104.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m',
      'EPSG:4326',
      [v.y, v.x],
    ) as [number, number];
    const shift = turf.distance(plain, [104.75, 22.5], { units: 'meters' });
    expect(shift).toBeGreaterThan(150);
    expect(shift).toBeLessThan(300);
  });

  it('uses each province’s own meridian, and knows no zone for a province not in the table', () => {
    expect(provinceTm3('lai-chau')).toEqual({ kind: 'tm3', meridian: 103 });
    expect(provinceTm3('son-la')).toEqual({ kind: 'tm3', meridian: 104 });
    expect(provinceTm3('ca-mau')).toBeNull();
    const utm = wgs84ToVn2000([105, 21], { kind: 'utm48' });
    expect(Math.abs(utm.y - 500_000)).toBeLessThan(400);
  });

  it.each([
    [22_500, 500_000, 'X'],
    [2_489_025, 2_000_000, 'Y'],
    [Number.NaN, 500_000, 'X'],
  ])('refuses X %d, Y %d naming %s', (x, y, axis) => {
    expect(() => vn2000ToWgs84(x, y, laoCai)).toThrow(new RegExp(`^${axis} `));
  });
});
