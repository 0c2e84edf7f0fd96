import { countServiceVisits } from './service-counting';

describe('家次 and 户数 (countServiceVisits)', () => {
  it('counts each (enterprise, activity) and each delivery once, and the distinct enterprises across both', () => {
    const count = countServiceVisits({
      activities: [
        { enterpriseId: 'A', recordId: 'act-1' },
        { enterpriseId: 'B', recordId: 'act-1' },
        { enterpriseId: 'A', recordId: 'act-2' },
        { enterpriseId: 'A', recordId: 'act-2' },
      ],
      deliveries: [
        { enterpriseId: 'A', recordId: 'del-1' },
        { enterpriseId: 'C', recordId: 'del-2' },
        { enterpriseId: 'C', recordId: 'del-3' },
      ],
    });
    // A twice at activities (act-1, act-2; act-2 recorded twice is one), B once; A once and C twice served.
    expect(count).toEqual({ activityVisits: 3, deliveryVisits: 3, enterpriseVisits: 6, distinctEnterprises: 3 });
  });

  it('counts a record with many enterprises each once, however often and in whatever order they are recorded', () => {
    const at = (recordId: string, ...enterprises: string[]) => enterprises.map((enterpriseId) => ({ enterpriseId, recordId }));
    const count = countServiceVisits({
      activities: [...at('act-1', 'A', 'B', 'C', 'B', 'C', 'A', 'D'), ...at('act-2', 'D', 'D'), ...at('del-1', 'E')],
      deliveries: [...at('del-1', 'E', 'E'), ...at('del-2', 'A')],
    });
    // act-1: A B C D; act-2: D; an activity and a delivery may share an id without being one record.
    expect(count).toEqual({ activityVisits: 6, deliveryVisits: 2, enterpriseVisits: 8, distinctEnterprises: 5 });
  });

  it('is zero for nothing', () => {
    expect(countServiceVisits({ activities: [], deliveries: [] })).toEqual({ activityVisits: 0, deliveryVisits: 0, enterpriseVisits: 0, distinctEnterprises: 0 });
  });
});
