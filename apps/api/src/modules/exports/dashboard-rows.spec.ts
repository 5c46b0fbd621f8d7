import type { Dashboard } from '@mih/contracts';
import { dashboardRows } from './dashboard-rows';
import { ExportText } from './export-text';

const dashboard: Dashboard = {
  from: '2026-01-01',
  to: '2026-01-31',
  timeZone: 'UTC',
  visits: {
    consultations: 12,
    peopleReached: 9,
    registeredPeople: 3,
    hubs: 2,
    byCountry: [{ code: 'GT', count: 9 }],
    bySex: [{ code: 'female', count: 6 }, { code: 'male', count: 3 }],
    byAgeBand: [],
    byProfile: [],
    byNationality: [],
    topics: [{ code: 'documents', count: 12 }],
    needs: [],
    channels: [],
    byMonth: [{ month: '2026-01', consultations: 12, peopleReached: 9 }],
  },
  activities: {
    activities: 1,
    participants: { girls: 0, boys: 4, women: 20, men: 10, other: 0, total: 34 },
    byType: [{ code: 'workshop', count: 1, participants: 34 }],
    byMonth: [{ month: '2026-01', activities: 1, participants: 34 }],
  },
  referrals: { submitted: 5, approved: 4, accepted: 0, completed: 0, declined: 0, rejected: 1, medianDaysToAcceptance: 2.5, overdue: 0, byNeed: [{ code: 'legal_aid', count: 5 }] },
};

const labels = new Map([
  ['sexes', new Map([['female', 'Female'], ['male', 'Male']])],
  ['topics', new Map([['documents', 'Documents']])],
  ['needCategories', new Map([['legal_aid', 'Legal aid']])],
]);

describe('dashboardRows', () => {
  const rows = dashboardRows(dashboard, new ExportText('en', false, labels));
  const find = (section: string, code: string) => rows.find((row) => row.section === section && row.code === code);

  it('writes counts from 1 to 4 as "<5", withholds what would give them away ("x"), keeps 0 and larger counts', () => {
    expect(find('Consultations: totals', 'hubs')?.count).toBe('<5');
    expect(find('People by sex', 'male')).toEqual({ section: 'People by sex', code: 'male', label: 'Male', count: '<5' });
    expect(find('People by sex', 'female')?.count).toBe('x'); // withheld: 9 people - 6 women would give the men back
    expect(find('Participants by group', 'girls')?.count).toBe(0);
    expect(find('Participants by group', 'boys')?.count).toBe('<5');
    expect(find('Activities by type', 'workshop')).toEqual({ section: 'Activities by type', code: 'workshop', label: 'Workshop', count: '<5' });
    expect(find('Participants by activity type', 'workshop')?.count).toBe(34);
    expect(find('Referrals: how far they got', 'rejected')?.count).toBe('<5');
  });

  it('leaves the median days as they are: they count no one', () => {
    expect(find('Referrals: how far they got', 'medianDaysToAcceptance')?.count).toBe(2.5);
  });

  it('never writes a count from 1 to 4', () => {
    expect(rows.filter((row) => typeof row.count === 'number' && row.count > 0 && row.count < 5 && row.code !== 'medianDaysToAcceptance')).toEqual([]);
  });

  it('writes section keys and codes with codes=true', () => {
    const coded = dashboardRows(dashboard, new ExportText('en', true, labels));
    expect(coded[0]).toEqual({ section: 'visitTotals', code: 'consultations', label: 'consultations', count: 12 });
    expect(coded.find((row) => row.code === 'legal_aid')).toEqual({ section: 'referralsByNeed', code: 'legal_aid', label: 'legal_aid', count: 5 });
  });
});
