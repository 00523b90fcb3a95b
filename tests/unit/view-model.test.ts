/** The web's view model narrows every figure to the focus and to the communes it keeps (the border belt). */
import { describe, expect, it } from 'vitest';
import { deriveView, type ViewInputs } from '@pcmt/web/lib/view-model.ts';
import type { HotspotRecord } from '@pcmt/shared/state/hotspots';

const communes = ['a1', 'a2', 'b1', 'b2'].map((id) => ({
  id,
  properties: { parentId: `d-${id[0]}` },
}));
const hotspot = (id: string, unitId: string): HotspotRecord => ({
  id,
  kind: 'retail_point',
  unitId,
  identifiedOn: '2026-02-01',
  eliminatedOn: null,
  reEmergedFromId: null,
});
const input = (x: Partial<ViewInputs<HotspotRecord>>): ViewInputs<HotspotRecord> => ({
  today: '2026-06-30',
  campaign: {
    id: 'c',
    startsOn: '2026-01-01',
    endsOn: '2026-06-30',
    phases: [
      { id: 'p1', ordinal: 1, startsOn: '2026-01-01', endsOn: '2026-06-30', objectives: [] },
    ],
  },
  choice: { phaseId: null, date: null },
  communes,
  assessments: communes.map((c) => ({ unitId: c.id, assessedOn: '2025-12-01', tier: 'type_3' })),
  hotspots: [hotspot('h1', 'a1'), hotspot('h2', 'a2'), hotspot('h3', 'b1'), hotspot('h4', 'b2')],
  detail: { effectiveAgeLimits: {}, quotas: [], deadlines: [] },
  focusId: null,
  ...x,
});

describe('the view model', () => {
  it('counts everything without a focus or a kept set', () => {
    const v = deriveView(input({}));
    expect(v.focus).toBeNull();
    expect(v.snapshot.hotspots.map((h) => h.id)).toEqual(['h1', 'h2', 'h3', 'h4']);
  });
  it('keeps only the border communes when asked, alone or within a district', () => {
    const belt = new Set(['a2', 'b1']);
    const kept = deriveView(input({ keep: belt }));
    expect([...kept.focus!].sort()).toEqual(['a2', 'b1']);
    expect(kept.snapshot.hotspots.map((h) => h.id)).toEqual(['h2', 'h3']);
    const district = deriveView(input({ keep: belt, focusId: 'd-a' }));
    expect([...district.focus!]).toEqual(['a2']);
    expect(district.snapshot.hotspots.map((h) => h.id)).toEqual(['h2']);
    expect(district.snapshot.counts.tiers.type_3).toBe(1);
  });
});
