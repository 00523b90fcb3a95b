/** Demo accounts for the first start, with random passwords printed once; no known default password. */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@pcmt/shared/policy';
import type { Db } from '../db/create-db.ts';
import { agencies } from '../db/schema.ts';
import { createUser } from './users.ts';

const DEMO: {
  username: string;
  role: Role;
  provinceSlug: string | null;
  station?: string;
  title: string;
}[] = [
  {
    username: 'chihuy.laocai',
    role: 'commander',
    provinceSlug: 'lao-cai',
    title: 'Chỉ huy – Công an tỉnh Lào Cai',
  },
  {
    username: 'bienphong.laocai',
    role: 'border_unit',
    provinceSlug: 'lao-cai',
    station: 'Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai',
    title: 'Đồn Biên phòng CKQT Lào Cai',
  },
  {
    username: 'kehoach.laocai',
    role: 'planner',
    provinceSlug: 'lao-cai',
    title: 'Cơ quan thường trực – Công an tỉnh Lào Cai',
  },
  {
    username: 'kehoach.laichau',
    role: 'planner',
    provinceSlug: 'lai-chau',
    title: 'Cơ quan thường trực – Công an TP Lai Châu',
  },
  {
    username: 'chihuy.laichau',
    role: 'commander',
    provinceSlug: 'lai-chau',
    title: 'Chỉ huy – Công an tỉnh Lai Châu',
  },
  {
    username: 'bienphong.sonla',
    role: 'border_unit',
    provinceSlug: 'son-la',
    station: 'Đồn Biên phòng Chiềng Khương',
    title: 'Đồn Biên phòng Chiềng Khương',
  },
  {
    username: 'chihuy.sonla',
    role: 'commander',
    provinceSlug: 'son-la',
    title: 'Chỉ huy – Công an tỉnh Sơn La',
  },
  {
    username: 'chihuy.thanhhoa',
    role: 'commander',
    provinceSlug: 'thanh-hoa',
    title: 'Chỉ huy – Công an tỉnh Thanh Hóa',
  },
  {
    username: 'quantri.laocai',
    role: 'admin',
    provinceSlug: 'lao-cai',
    title: 'Quản trị hệ thống – Lào Cai',
  },
  {
    username: 'quantri.laichau',
    role: 'admin',
    provinceSlug: 'lai-chau',
    title: 'Quản trị hệ thống – Lai Châu',
  },
];

export async function createDemoUsers(
  db: Db,
): Promise<{ username: string; role: Role; provinceSlug: string | null; password: string }[]> {
  const created = [];
  for (const d of DEMO) {
    const [station] = d.station
      ? await db
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.name, d.station), eq(agencies.provinceSlug, d.provinceSlug!)))
      : [];
    const password = `Pcmt-${randomBytes(9).toString('base64url')}`;
    await createUser(db, {
      username: d.username,
      password,
      role: d.role,
      provinceSlug: d.provinceSlug,
      agencyId: station?.id ?? null,
      title: d.title,
    });
    created.push({ username: d.username, role: d.role, provinceSlug: d.provinceSlug, password });
  }
  return created;
}
