// The dashboard's counts as one table for complementary suppression: which counts add up to which
// published total. Used by the API (every caller but admins), the dashboard export and the printed
// quarter in numbers; suppressing twice changes nothing, so a client may apply it to what it got.
import type { CodeCount, Dashboard } from './reports';
import { Count, SumRule, suppressCounts } from './small-counts';

export function suppressDashboard(dashboard: Dashboard): Dashboard {
  const d = JSON.parse(JSON.stringify(dashboard)) as Dashboard; // plain JSON; structuredClone is missing in jsdom
  const counts: Count[] = [];
  const places: [Record<string, unknown>, string][] = [];
  const slot = <T extends object>(owner: T, key: keyof T & string): number => {
    counts.push(owner[key] as Count);
    places.push([owner as Record<string, unknown>, key]);
    return counts.length - 1;
  };
  const rules: SumRule[] = [];
  const addsUpTo = (total: number, cells: number[]) => rules.push({ cells, total });
  const countsOf = (list: CodeCount[]) => list.map((item) => slot(item, 'count'));

  const { visits, activities, referrals } = d;
  const people = slot(visits, 'peopleReached');
  const consultations = slot(visits, 'consultations');
  slot(visits, 'registeredPeople');
  // Each person reached is counted once in each of these breakdowns (an unknown value is a group too).
  for (const list of [visits.byCountry, visits.bySex, visits.byAgeBand, visits.byProfile, visits.byNationality]) addsUpTo(people, countsOf(list));
  addsUpTo(consultations, countsOf(visits.channels)); // one channel per consultation
  countsOf(visits.topics); // several topics and needs per consultation: no sum is published
  countsOf(visits.needs);
  addsUpTo(consultations, visits.byMonth.map((m) => slot(m, 'consultations')));
  const peopleByMonth = visits.byMonth.map((m) => slot(m, 'peopleReached'));
  // A person who came in two months counts in both, so months add up to the people reached only when there is one.
  if (peopleByMonth.length === 1) addsUpTo(people, peopleByMonth);

  const activityCount = slot(activities, 'activities');
  const participants = slot(activities.participants, 'total');
  addsUpTo(participants, (['girls', 'boys', 'women', 'men', 'other'] as const).map((group) => slot(activities.participants, group)));
  addsUpTo(activityCount, countsOf(activities.byType));
  addsUpTo(participants, activities.byType.map((type) => slot(type, 'participants')));
  addsUpTo(activityCount, activities.byMonth.map((m) => slot(m, 'activities')));
  addsUpTo(participants, activities.byMonth.map((m) => slot(m, 'participants')));

  const submitted = slot(referrals, 'submitted');
  for (const step of ['approved', 'accepted', 'completed', 'declined', 'rejected', 'overdue'] as const) slot(referrals, step);
  addsUpTo(submitted, countsOf(referrals.byNeed));

  suppressCounts(counts, rules).forEach((count, i) => (places[i][0][places[i][1]] = count));
  for (const list of [visits.byCountry, visits.bySex, visits.byAgeBand, visits.byProfile, visits.byNationality, visits.topics, visits.needs, visits.channels, referrals.byNeed]) {
    hiddenLast(list);
  }
  hiddenLast(activities.byType);
  return d;
}

/**
 * Shown counts most first, then the hidden ones by code: where a hidden count stood among the shown
 * ones would bound it (an "x" between a 6 and a 5 is 5 or 6).
 */
function hiddenLast(list: CodeCount[]): void {
  list.sort((a, b) => {
    const [x, y] = [typeof a.count === 'number', typeof b.count === 'number'];
    if (x && y) return (b.count as number) - (a.count as number) || String(a.code).localeCompare(String(b.code));
    if (x !== y) return x ? -1 : 1;
    return String(a.code).localeCompare(String(b.code));
  });
}
