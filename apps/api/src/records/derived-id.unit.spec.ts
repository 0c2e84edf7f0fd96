import { randomUUID } from 'node:crypto';
import { drawnForReturnVisit, followUpIdFor } from '../deliveries/delivery.commands';
import { derivedId } from './derived-id';

describe('ids that follow from what a record is for', () => {
  it('are UUIDs, the same every time and different for different causes', () => {
    const id = followUpIdFor('6a0d7b52-3f7e-4c1a-9a55-0b7c2f1d8e01', 4);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(followUpIdFor('6a0d7b52-3f7e-4c1a-9a55-0b7c2f1d8e01', 4)).toBe(id);
    expect(followUpIdFor('6a0d7b52-3f7e-4c1a-9a55-0b7c2f1d8e01', 6)).not.toBe(id);
    expect(derivedId('station', 'a')).not.toBe(derivedId('follow-up', 'a'));
  });

  it('draw about the configured share of deliveries for 回访, each always the same way', () => {
    const ids = Array.from({ length: 4000 }, () => randomUUID());
    const share = (percent: number) => ids.filter((id) => drawnForReturnVisit(id, percent)).length / ids.length;
    expect(share(10)).toBeGreaterThan(0.08);
    expect(share(10)).toBeLessThan(0.12);
    expect(share(0)).toBe(0);
    expect(share(100)).toBe(1);
    expect(ids.every((id) => drawnForReturnVisit(id, 10) === drawnForReturnVisit(id, 10))).toBe(true);
  });
});
