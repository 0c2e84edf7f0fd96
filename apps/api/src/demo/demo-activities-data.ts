import { activityKinds, monthThemes, type ActivityKind, type MonthTheme } from '@sme/domain';
import { DEMO_APPLICANTS } from './demo-data';

/**
 * Demo data of 2026's activities in Guangzhou: the hub's theme-month calendar, and January to November
 * the activities of the active demo stations (in their districts), of the hub (in 天河 and 白云, whose
 * demo stations were revoked or withdrawn) and of the three providers — with the demo enterprises
 * registering, attending and rating, one postponement and one cancellation (all made up).
 */

export const DEMO_THEME_MONTHS: { month: number; theme: MonthTheme; title?: string }[] = [
  { month: 1, theme: 'POLICY', title: '惠企政策宣传月' },
  { month: 2, theme: 'FINANCE_TAX', title: '财税服务月' },
  { month: 3, theme: 'FINANCING', title: '融资服务月' },
  { month: 4, theme: 'IP', title: '知识产权服务月' },
  { month: 5, theme: 'DIGITAL', title: '数字化转型月' },
  { month: 6, theme: 'TALENT', title: '人才服务月' },
  { month: 7, theme: 'MARKET', title: '市场开拓月' },
  { month: 8, theme: 'LEGAL', title: '法律服务月' },
  { month: 9, theme: 'TECHNOLOGY', title: '技术创新月' },
  { month: 10, theme: 'MANAGEMENT', title: '管理提升月' },
  { month: 11, theme: 'QUALITY', title: '质量品牌月' },
  { month: 12, theme: 'MANAGEMENT' },
];
/** The revision in February: December becomes 创业辅导. */
export const DEMO_THEME_REVISION = { on: '2026-02-20', months: [...DEMO_THEME_MONTHS.slice(0, 11), { month: 12, theme: 'ENTREPRENEURSHIP' as const, title: '创业辅导月' }], reason: '年底集中开展创业辅导（示例）' };

export type DemoOrganiser = { station: number } | { hub: string } | { provider: 'P1' | 'P2' | 'P3'; regionCode: string };

export interface DemoActivity {
  n: number;
  organiser: DemoOrganiser;
  kind: ActivityKind;
  title: string;
  month: number;
  /** The activity's day. */
  day: string;
  /** The demo enterprises (by index) that register; the last is absent unless `allCame`. */
  enterprises: number[];
  allCame: boolean;
  /** The first enterprise present rates the day after (and the second, sometimes). */
  ratings: number[];
  amendedTo?: number;
  postponedTo?: string;
  cancelled?: string;
  fee: { kind: 'FREE' | 'LOW_FEE'; amountFen: number };
}

const KINDS: ActivityKind[] = ['SALON', 'TRAINING', 'LECTURE', 'POLICY_BRIEFING', 'DIALOGUE', 'SEMINAR', 'ROVING_CLASS', 'MATCHMAKING', 'FORUM', 'PROMOTION_DAY'];
const MONTH_KIND: Partial<Record<number, ActivityKind>> = { 3: 'FINANCE_MATCHMAKING', 7: 'LARGE_SMALL_INTEGRATION' };
const RATINGS = [5, 4, 5, 3, 4, 2, 5, 4, 4, 5];
const pad = (n: number) => String(n).padStart(2, '0');

/** The active demo stations (their applicants' keys): designated, neither revoked nor withdrawn. */
export const ACTIVE_STATION_KEYS = DEMO_APPLICANTS.filter((a) => a.outcome === 'DESIGNATED').map((a) => a.key);

function build(): DemoActivity[] {
  const list: DemoActivity[] = [];
  const add = (organiser: DemoOrganiser, month: number, dayOfMonth: number, kind?: ActivityKind) => {
    const n = list.length;
    const theme = DEMO_THEME_MONTHS[month - 1].theme;
    const chosen = kind ?? MONTH_KIND[month] ?? KINDS[n % KINDS.length];
    // January's activities draw on the enterprises registered by then (the first six, in late 2025).
    const pool = month === 1 ? 6 : 12;
    const start = (n * 5) % pool;
    const size = 3 + (n % 3);
    list.push({
      n,
      organiser,
      kind: chosen,
      title: `${monthThemes.labels[theme].zh}主题${activityKinds.labels[chosen].zh}（示例第${n + 1}场）`,
      month,
      day: `2026-${pad(month)}-${pad(dayOfMonth)}`,
      enterprises: Array.from({ length: size }, (_, i) => (start + i) % pool),
      allCame: n % 4 === 0,
      ratings: n % 3 === 0 ? [RATINGS[n % RATINGS.length], RATINGS[(n + 3) % RATINGS.length]] : [RATINGS[n % RATINGS.length]],
      fee: n % 9 === 4 ? { kind: 'LOW_FEE', amountFen: 20000 } : { kind: 'FREE', amountFen: 0 },
    });
    return list[n];
  };
  for (let month = 1; month <= 11; month++) {
    for (const key of ACTIVE_STATION_KEYS) if ((key + month) % 3 === 0) add({ station: key }, month, 8 + ((key * 3 + month) % 12));
    if (month % 2 === 1) add({ hub: month % 4 === 1 ? '440106' : '440111' }, month, 16);
  }
  add({ provider: 'P2', regionCode: '440104' }, 2, 25, 'TRAINING');
  add({ provider: 'P1', regionCode: '440106' }, 4, 22, 'LECTURE');
  add({ provider: 'P3', regionCode: '440112' }, 9, 17, 'FORUM');
  // One 差评 amended after the organiser followed up, one postponement inside its month, one cancellation.
  const poor = list.find((a) => a.ratings[0] === 2)!;
  poor.amendedTo = 4;
  const moved = list.find((a) => 'station' in a.organiser && Number(a.day.slice(8)) <= 18)!;
  moved.postponedTo = `${moved.day.slice(0, 8)}${pad(Number(moved.day.slice(8)) + 7)}`;
  const dropped = list.find((a) => 'hub' in a.organiser && a.month === 7)!;
  dropped.cancelled = '台风预警，取消线下活动（示例）';
  return list;
}

export const DEMO_ACTIVITIES: DemoActivity[] = build();
