/**
 * A campaign's own "4 rõ" tasks (Thanh Hóa 2023's table): seeded from seed 001, listed with the campaign, added and
 * marked done by the province's planner, refused to another province, and never owned by both a plan and a campaign.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planTasks } from '@pcmt/server/db/schema';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

describe(`a programme's own tasks (${process.env.DB_ENGINE})`, () => {
  it('carries Thanh Hóa 2023’s table with its agencies', async () => {
    const detail = (await api.get('/api/campaigns/th-2023')).body;
    expect(detail.tasks).toHaveLength(74);
    const agencies = (await api.get('/api/agencies')).body as { id: string; name: string }[];
    const name = (id: string) => agencies.find((a) => a.id === id)?.name;
    const steering = detail.tasks.find((x: any) => x.title === 'Kiện toàn Ban Chỉ đạo 138 các cấp');
    expect(name(steering.leadAgencyId)).toBe('Công an tỉnh Thanh Hóa');
    expect(steering.coAgencyIds.map(name)).toContain('UBND các huyện, thị xã, thành phố');
    // "Tháng 6": due on the month's last day.
    const month = detail.tasks.find((x: any) => x.target === 'Tháng 6');
    expect(month.dueOn).toBe('2023-06-30');
    expect(month.dueAssumed).toBe(false);
    // Regular work ("Thực hiện thường xuyên") has no time in the plan: its year-end deadline is marked assumed.
    const regular = detail.tasks.filter((x: any) => x.target === 'Thực hiện thường xuyên');
    expect(regular.length).toBeGreaterThan(20);
    expect(regular.every((x: any) => x.dueOn === '2023-12-31' && x.dueAssumed)).toBe(true);
  });

  it('lets the province’s planner add one and mark it done, under its version', async () => {
    const agencies = (await api.get('/api/agencies', 'planner')).body as {
      id: string;
      provinceSlug: string;
    }[];
    const lead = agencies.find((a) => a.provinceSlug === 'lai-chau')!.id;
    const made = await api.call('POST', '/api/campaigns/lch-2024-2025/tasks', {
      as: 'planner',
      body: {
        title: 'Tổng rà soát thôn, bản chưa đạt tiêu chí 6',
        target: '100% hộ gia đình ký cam kết',
        responsiblePosition: 'Trưởng Công an xã',
        leadAgencyId: lead,
        coAgencyIds: [],
        dueOn: '2026-12-31',
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ campaignId: 'lch-2024-2025', planId: null });
    const done = await api.call('PATCH', `/api/tasks/${made.body.id}`, {
      as: 'planner',
      body: { status: 'done', version: made.body.version },
    });
    expect(done.status).toBe(200);
    expect(done.body.doneOn).toBe('2026-11-22');
    const stale = await api.call('PATCH', `/api/tasks/${made.body.id}`, {
      as: 'planner',
      body: { status: 'open', version: made.body.version },
    });
    expect(stale.status).toBe(412);
    // Another province's planner reaches neither the campaign nor the task.
    const foreign = await api.call('PATCH', `/api/tasks/${made.body.id}`, {
      as: 'plannerLaoCai',
      body: { status: 'open', version: done.body.version },
    });
    expect(foreign.status).toBe(404);
    const listed = (await api.get('/api/campaigns/lch-2024-2025', 'planner')).body.tasks;
    expect(listed.map((x: any) => x.id)).toContain(made.body.id);
  });

  it('gives each agency the days its unit exists', async () => {
    const agencies = (await api.get('/api/agencies', 'plannerLaoCai')).body as {
      name: string;
      kind: string;
      validTo: string | null;
    }[];
    const district = agencies.find((a) => a.name === 'Công an huyện Bát Xát')!;
    expect(district.validTo).toBe('2025-07-01');
    expect(agencies.find((a) => a.name === 'Cục Hải quan tỉnh Lào Cai')!.validTo).toBe(
      '2025-07-01',
    );
    expect(agencies.find((a) => a.name === 'Chi cục Hải quan khu vực VII')!.validTo).toBeNull();
    expect(
      agencies.filter((a) => a.kind === 'commune_police').every((a) => a.validTo === null),
    ).toBe(true);
  });

  it('never stores a task with both owners or none', async () => {
    const row = { title: 'x', dueOn: '2026-12-31' };
    await expect(t.db.insert(planTasks).values({ id: 'task-none', ...row })).rejects.toThrow();
    await expect(
      t.db.insert(planTasks).values({
        id: 'task-both',
        planId: 'plan-com-15n-001',
        campaignId: 'lc-2026-p4',
        ...row,
      }),
    ).rejects.toThrow();
  });
});
