import { schoolDaysBetween } from '../../../common/school-days.ts';
import type { TrackerQuery, TrackerRow } from '../../../common/schemas/tracker.ts';
import type { TrackerContext } from './context.ts';
import type { TrackerSqlRow } from './query.ts';

/** A tracker row as the API presents it (school-day counts computed with the district calendar). */
export function presentTrackerRow(row: TrackerSqlRow, context: TrackerContext, itemIds: ReadonlySet<string>): TrackerRow {
  const levels: TrackerRow['levels'] = {};
  for (const [itemId, [label, score, proficient, observedOn]] of Object.entries(row.levels ?? {})) {
    if (!itemIds.has(itemId)) continue;
    levels[itemId] = { label, levelScore: score === null ? null : Number(score), proficient, observedOn };
  }
  const pendingSince = row.latest_pending_on;
  const state = pendingSince ? 'pending' : row.last_feedback_held_on ? 'held' : 'none';
  const since = pendingSince ?? row.last_feedback_held_on;
  const scored = Number(row.scored_this_term);
  return {
    personId: row.person_id,
    name: `${row.preferred_name || row.given_name} ${row.family_name}`,
    role: row.role,
    team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
    teams: row.team_id ? [{ id: row.team_id, name: row.team_name ?? '' }] : [],
    levels,
    openActionSteps: Number(row.open_action_steps),
    lastObservedOn: row.last_observed_on,
    feedback: {
      state,
      schoolDays: since ? schoolDaysBetween(since, context.today, context.nonSchoolDays) : null,
      overdue: row.overdue === true,
    },
    scoredThisTerm: scored,
    missingObservations: context.term !== null && scored < context.requiredPerTerm,
    coachingThisTerm: Number(row.coaching_this_term),
  };
}

/** Applies the query's filters (role, team, below proficient on a competency, flags). */
export function filterRows(rows: TrackerRow[], query: Pick<TrackerQuery, 'role' | 'team' | 'belowProficient' | 'flags'>): TrackerRow[] {
  return rows.filter((row) => {
    if (query.role && row.role !== query.role) return false;
    if (query.team === 'none' && row.teams.length > 0) return false;
    if (query.team && query.team !== 'none' && !row.teams.some((team) => team.id === query.team)) return false;
    if (query.belowProficient && row.levels[query.belowProficient]?.proficient === true) return false;
    if (query.flags?.includes('overdue') && !row.feedback.overdue) return false;
    if (query.flags?.includes('missing') && !row.missingObservations) return false;
    return true;
  });
}

type SortValue = string | number | null;

function sortValue(row: TrackerRow, key: string): SortValue {
  if (key.startsWith('item:')) return row.levels[key.slice(5)]?.levelScore ?? null;
  switch (key) {
    case 'role':
      return row.role;
    case 'team':
      return row.teams[0]?.name ?? null;
    case 'openActionSteps':
      return row.openActionSteps;
    case 'lastObservedOn':
      return row.lastObservedOn;
    case 'daysSinceFeedback':
      return row.feedback.schoolDays;
    case 'scoredThisTerm':
      return row.scoredThisTerm;
    case 'coachingThisTerm':
      return row.coachingThisTerm;
    default:
      return null;
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorts by `sort` (`-` prefix: descending); empty values last either way, then by name. */
export function sortRows(rows: TrackerRow[], sort = 'name'): TrackerRow[] {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const byName = (a: TrackerRow, b: TrackerRow) => collator.compare(a.name, b.name) || a.personId.localeCompare(b.personId);
  return [...rows].sort((a, b) => {
    if (key === 'name') return descending ? byName(b, a) : byName(a, b);
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return (descending ? -order : order) || byName(a, b);
  });
}
