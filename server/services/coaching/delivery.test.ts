import { describe, expect, it } from 'vitest';
import { defaultReviewDates, phaseOn, planDelivery } from './delivery.ts';

const phases = [
  { startsOn: '2026-09-16', sessionsPerMonth: 4, criterion: null },
  { startsOn: '2026-11-01', sessionsPerMonth: 2, criterion: 'Once 2b is at Demonstrating' },
];

describe('planned versus delivered', () => {
  it('prorates partial months and follows the phase in effect as the frequency fades', () => {
    const d = planDelivery(
      { startsOn: '2026-09-16', endsOn: '2026-12-15', phases },
      ['2026-09-20', '2026-10-02', '2026-10-09', '2026-11-20'],
      '2026-11-30',
    );
    expect(d.months).toEqual([
      { month: '2026-09', planned: 2, delivered: 1 },
      { month: '2026-10', planned: 4, delivered: 2 },
      { month: '2026-11', planned: 2, delivered: 1 },
      { month: '2026-12', planned: 1, delivered: 0 },
    ]);
    expect(d.plannedToDate).toBe(8);
    expect(d.deliveredToDate).toBe(4);
    expect(d.behind).toBe(true);
  });

  it('is not behind at 80% of planned to date, and plans nothing before the first phase', () => {
    const d = planDelivery(
      { startsOn: '2026-09-01', endsOn: '2026-09-30', phases: [{ startsOn: '2026-09-16', sessionsPerMonth: 5, criterion: null }] },
      ['2026-09-20', '2026-09-22'],
      '2026-09-30',
    );
    expect(d.plannedToDate).toBe(2.5);
    expect(d.behind).toBe(false);
    expect(phaseOn(phases, '2026-09-01')).toBeNull();
    expect(phaseOn(phases, '2026-11-02')?.sessionsPerMonth).toBe(2);
  });

  it('spreads three review dates through the span, the last on its end', () => {
    expect(defaultReviewDates('2026-08-01', '2027-05-31')).toEqual(['2026-11-10', '2027-02-19', '2027-05-31']);
  });
});
