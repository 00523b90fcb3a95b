/**
 * A position typed in the system the user has at hand: WGS 84 degrees (GPS), VN-2000 X/Y in the
 * province's TM-3 zone, or VN-2000 / UTM 48N (survey maps). VN-2000 is turned into WGS 84 with the
 * shared proj4 definitions; the server only ever receives WGS 84.
 */
import { provinceTm3, vn2000ToWgs84, wgs84ToVn2000, type Vn2000System } from '@pcmt/shared/vn2000';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

export type CoordSystem = 'wgs84' | 'tm3' | 'utm48';
export interface Position {
  system: CoordSystem;
  /** Latitude, or VN-2000 X (northing). */
  a: string;
  /** Longitude, or VN-2000 Y (easting). */
  b: string;
}

const num = (s: string) => Number(s.trim().replace(/\s/g, '').replace(',', '.'));
const systemOf = (p: CoordSystem, province: string): Vn2000System | null =>
  p === 'utm48' ? { kind: 'utm48' } : p === 'tm3' ? provinceTm3(province) : null;

/** The typed position as WGS 84 `[lng, lat]`, or the problem with the field it is in. */
export function toLngLat(
  p: Position,
  province: string,
): { lngLat: [number, number] } | { field: 'a' | 'b'; message: string } | null {
  if (p.a.trim() === '' && p.b.trim() === '') return null;
  const a = num(p.a);
  const b = num(p.b);
  if (!Number.isFinite(a)) return { field: 'a', message: p.a };
  if (!Number.isFinite(b)) return { field: 'b', message: p.b };
  const s = systemOf(p.system, province);
  if (!s) return { lngLat: [b, a] };
  try {
    return { lngLat: vn2000ToWgs84(a, b, s) };
  } catch (e) {
    return {
      field: (e as Error).message.startsWith('Y') ? 'b' : 'a',
      message: (e as Error).message,
    };
  }
}

/** A map click written in the chosen system. */
export function fromLngLat(
  lngLat: [number, number],
  system: CoordSystem,
  province: string,
): Position {
  const s = systemOf(system, province);
  if (!s) return { system, a: lngLat[1].toFixed(5), b: lngLat[0].toFixed(5) };
  const v = wgs84ToVn2000(lngLat, s);
  return { system, a: v.x.toFixed(1), b: v.y.toFixed(1) };
}

export function CoordinateFields({
  value,
  onChange,
  province,
}: {
  value: Position;
  onChange(p: Position): void;
  province: string;
}) {
  const f = useFormText();
  const { num: fmt } = useI18n();
  const tm3 = provinceTm3(province);
  const vn = value.system !== 'wgs84';
  const result = toLngLat(value, province);
  const set = (patch: Partial<Position>) => onChange({ ...value, ...patch });
  return (
    <div className="coordinate-fields">
      <label>
        <span>{f.coordSystem}</span>
        <select
          value={value.system}
          onChange={(e) => onChange({ system: e.target.value as CoordSystem, a: '', b: '' })}
          data-testid="hotspot-crs"
        >
          <option value="wgs84">WGS 84 (GPS)</option>
          {tm3 && (
            <option value="tm3">
              VN-2000 TM-3 ({f.meridian} {fmt(tm3.kind === 'tm3' ? tm3.meridian : 0)}°)
            </option>
          )}
          <option value="utm48">VN-2000 / UTM 48N</option>
        </select>
      </label>
      <div className="row">
        <label>
          <span>{vn ? f.northingX : f.latitude}</span>
          <input
            inputMode="decimal"
            value={value.a}
            onChange={(e) => set({ a: e.target.value })}
            data-testid="hotspot-lat"
            aria-invalid={!!result && 'field' in result && result.field === 'a'}
          />
        </label>
        <label>
          <span>{vn ? f.eastingY : f.longitude}</span>
          <input
            inputMode="decimal"
            value={value.b}
            onChange={(e) => set({ b: e.target.value })}
            data-testid="hotspot-lng"
            aria-invalid={!!result && 'field' in result && result.field === 'b'}
          />
        </label>
      </div>
      {vn && result && 'lngLat' in result && (
        <p className="muted" data-testid="hotspot-wgs84">
          ≈ {result.lngLat[1].toFixed(5)}, {result.lngLat[0].toFixed(5)} (WGS 84)
        </p>
      )}
      {result && 'field' in result && (
        <p className="error-box" role="alert" data-testid="hotspot-coord-error">
          {f.badCoordinate}: {result.message}
        </p>
      )}
    </div>
  );
}
