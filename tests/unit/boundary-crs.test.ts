/**
 * The coordinate systems of the boundary import against values PROJ computed independently (EPSG:6960 from
 * proj.db, tests/fixtures/boundaries/vn2000-reference.csv): a round trip through proj4 alone cannot catch a
 * flipped rotation sign, these can. Also the .prj reading and the one spelling of names.
 */
import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { canonicalName, nameKey } from '@pcmt/shared/names';
import { crsDefinition } from '@pcmt/shared/vn2000';
import { crsFromPrj } from '../../server/src/services/boundary-crs.ts';

const dir = new URL('../fixtures/boundaries/', import.meta.url);
const reference = readFileSync(new URL('vn2000-reference.csv', dir), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#') && !l.startsWith('system'))
  .map((l) => {
    const [system, lng, lat, x, y] = l.split(',');
    return { system: system!, lng: Number(lng), lat: Number(lat), x: Number(x), y: Number(y) };
  });
/** EPSG:5897 is VN-2000 / TM-3 zone 482: the TM-3 definition with central meridian 105°. */
const ours = (system: string) => crsDefinition(system === 'EPSG:5897' ? 'TM3:105' : system)!;
const metres = (a: number[], b: number[], geographic: boolean) =>
  geographic
    ? Math.hypot(
        (a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180),
        (a[1]! - b[1]!) * 110_574,
      )
    : Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

describe('VN-2000 against PROJ’s EPSG transformation', () => {
  it('has reference points for four systems', () => {
    expect(new Set(reference.map((r) => r.system))).toEqual(
      new Set(['EPSG:3405', 'EPSG:3406', 'EPSG:5897', 'EPSG:4756']),
    );
    expect(reference.length).toBeGreaterThanOrEqual(12);
  });

  it.each(reference.map((r) => [r.system, r.lng, r.lat, r] as const))(
    '%s at (%d, %d) within 5 cm of PROJ',
    (system, _lng, _lat, r) => {
      const got = proj4('EPSG:4326', ours(system), [r.lng, r.lat]) as number[];
      expect(metres(got, [r.x, r.y], system === 'EPSG:4756')).toBeLessThan(0.05);
      const back = proj4(ours(system), 'EPSG:4326', [r.x, r.y]) as number[];
      expect(metres(back, [r.lng, r.lat], true)).toBeLessThan(0.05);
    },
  );

  it('would catch the rotations taken as published (Coordinate Frame) instead of flipped: over 0.3 m off', () => {
    const published = ours('EPSG:3405').replace(
      '0.00928836,-0.01975479,0.00427372',
      '-0.00928836,0.01975479,-0.00427372',
    );
    expect(published).not.toBe(ours('EPSG:3405'));
    const worst = Math.max(
      ...reference
        .filter((r) => r.system === 'EPSG:3405')
        .map((r) =>
          metres(proj4('EPSG:4326', published, [r.lng, r.lat]) as number[], [r.x, r.y], false),
        ),
    );
    expect(worst).toBeGreaterThan(0.3);
  });
});

describe('reading a .prj', () => {
  const prj = (name: string) => readFileSync(new URL(name, dir), 'utf8');
  it.each([
    ['EPSG-3405.prj', 'EPSG:3405'],
    ['EPSG-3406.prj', 'EPSG:3406'],
    ['EPSG-4756.prj', 'EPSG:4756'],
    ['TM3-104.75.prj', 'TM3:104.75'],
    ['EPSG-4326.prj', 'EPSG:4326'],
  ])('%s is %s', (file, id) => expect(crsFromPrj(prj(file))).toEqual({ id }));

  it('knows WGS 84 degrees and refuses what it cannot place, saying why', () => {
    expect(
      crsFromPrj(
        'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      ),
    ).toEqual({ id: 'EPSG:4326' });
    expect(crsFromPrj('PROJCS["nonsense"')).toEqual({ problem: 'the .prj could not be read' });
    const hn72 = prj('EPSG-3405.prj')
      .replace('D_Vietnam_2000', 'D_Hanoi_1972')
      .replace('GCS_VN_2000', 'GCS_HN_72');
    expect(crsFromPrj(hn72)).toMatchObject({ problem: expect.stringMatching(/HN-72/) });
  });
});

describe('one spelling of a place name', () => {
  it.each([
    ['Thanh Hoá', 'Thanh Hóa'],
    ['Xã Thuỷ Sơn', 'Xã Thủy Sơn'],
    ['Hoà Bình', 'Hòa Bình'],
    ['Khoẻ', 'Khỏe'],
    ['Xã Quý Quân', 'Xã Quý Quân'],
    ['  Phường   Lào Cai ', 'Phường Lào Cai'],
    ['Tho\u0309', 'Thỏ'],
  ])('%s is written %s', (raw, canonical) => expect(canonicalName(raw)).toBe(canonical));

  it('compares names whatever their tone placement and case', () => {
    expect(nameKey('Thanh Hoá')).toBe(nameKey('thanh hóa'));
    expect(nameKey('Hòa')).not.toBe(nameKey('Hóa'));
  });
});
