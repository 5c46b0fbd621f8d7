// The dashboard as rows of (section, code, label, count) for the aggregate export, the counts suppressed
// as a whole (suppressDashboard: "<5", and "x" where a "<5" could be worked out from a total). Each figure of the Dashboard contract has its place here: a
// figure added to the contract fails to compile until it is given one.
import { ActivityFigures, CodeCount, Count, Dashboard, ReferralFigures, suppressDashboard, VisitFigures } from '@mih/contracts';
import { ACTIVITY_TYPE_LABELS, DASHBOARD_SECTIONS, DashboardSection, FIGURE_LABELS, FigureKey } from './export-labels';
import type { ExportText } from './export-text';
import { suppressSmallCount } from './small-counts';

export interface FigureRow {
  section: string;
  code: string;
  label: string | null;
  /** A count ("<5" when 1 to 4, "x" when withheld), or, for the median, a number of days. */
  count: number | string | null;
}

type Parts<F> = { [K in keyof F]-?: (value: F[K], text: ExportText) => FigureRow[] };

const VISITS: Parts<VisitFigures> = {
  consultations: (n, text) => [figure('visitTotals', 'consultations', n, text)],
  peopleReached: (n, text) => [figure('visitTotals', 'peopleReached', n, text)],
  registeredPeople: (n, text) => [figure('visitTotals', 'registeredPeople', n, text)],
  hubs: (n, text) => [figure('visitTotals', 'hubs', n, text)],
  byCountry: (counts, text) => breakdown('peopleByCountry', counts, text, (code) => text.country(code)),
  bySex: (counts, text) => breakdown('peopleBySex', counts, text, (code) => text.ref('sexes', code)),
  byAgeBand: (counts, text) => breakdown('peopleByAgeBand', counts, text, (code) => text.ref('ageBands', code)),
  byProfile: (counts, text) => breakdown('peopleByProfile', counts, text, (code) => text.ref('profiles', code)),
  byNationality: (counts, text) => breakdown('peopleByNationality', counts, text, (code) => text.country(code)),
  topics: (counts, text) => breakdown('consultationsByTopic', counts, text, (code) => text.ref('topics', code)),
  needs: (counts, text) => breakdown('consultationsByNeed', counts, text, (code) => text.ref('needCategories', code)),
  channels: (counts, text) => breakdown('consultationsByChannel', counts, text, (code) => text.ref('channels', code)),
  byMonth: (months, text) => [
    ...months.map((m) => row('consultationsByMonth', m.month, m.month, suppressSmallCount(m.consultations), text)),
    ...months.map((m) => row('peopleByMonth', m.month, m.month, suppressSmallCount(m.peopleReached), text)),
  ],
};

const ACTIVITIES: Parts<ActivityFigures> = {
  activities: (n, text) => [figure('activityTotals', 'activities', n, text)],
  participants: (p, text) => [
    figure('activityTotals', 'participants', p.total, text),
    ...(['girls', 'boys', 'women', 'men', 'other'] as const).map((group) => figure('participantsByGroup', group, p[group], text)),
  ],
  byType: (types, text) => [
    ...breakdown('activitiesByType', types, text, (code) => text.of(ACTIVITY_TYPE_LABELS, code as keyof typeof ACTIVITY_TYPE_LABELS)),
    ...types.map((t) => row('participantsByActivityType', t.code, text.of(ACTIVITY_TYPE_LABELS, t.code as keyof typeof ACTIVITY_TYPE_LABELS), suppressSmallCount(t.participants), text)),
  ],
  byMonth: (months, text) => [
    ...months.map((m) => row('activitiesByMonth', m.month, m.month, suppressSmallCount(m.activities), text)),
    ...months.map((m) => row('participantsByMonth', m.month, m.month, suppressSmallCount(m.participants), text)),
  ],
};

const REFERRALS: Parts<ReferralFigures> = {
  submitted: (n, text) => [figure('referralFunnel', 'submitted', n, text)],
  approved: (n, text) => [figure('referralFunnel', 'approved', n, text)],
  accepted: (n, text) => [figure('referralFunnel', 'accepted', n, text)],
  completed: (n, text) => [figure('referralFunnel', 'completed', n, text)],
  declined: (n, text) => [figure('referralFunnel', 'declined', n, text)],
  rejected: (n, text) => [figure('referralFunnel', 'rejected', n, text)],
  overdue: (n, text) => [figure('referralFunnel', 'overdue', n, text)],
  // Days, not people: nothing to suppress.
  medianDaysToAcceptance: (days, text) => [row('referralFunnel', 'medianDaysToAcceptance', text.word('medianDaysToAcceptance', FIGURE_LABELS.medianDaysToAcceptance), days, text)],
  byNeed: (counts, text) => breakdown('referralsByNeed', counts, text, (code) => text.ref('needCategories', code)),
};

type Sections = Omit<Dashboard, 'from' | 'to' | 'timeZone'>;

const SECTIONS: { [K in keyof Sections]-?: Parts<Sections[K]> } = { visits: VISITS, activities: ACTIVITIES, referrals: REFERRALS };

export function dashboardRows(figures: Dashboard, text: ExportText): FigureRow[] {
  const dashboard = suppressDashboard(figures);
  return (Object.keys(SECTIONS) as (keyof Sections)[]).flatMap((name) => partRows(SECTIONS[name], dashboard[name], text));
}

function partRows<F>(parts: Parts<F>, figures: F, text: ExportText): FigureRow[] {
  return (Object.keys(parts) as (keyof F)[]).flatMap((key) => parts[key](figures[key], text));
}

function row(section: DashboardSection, code: string, label: string | null, count: FigureRow['count'], text: ExportText): FigureRow {
  return { section: text.word(section, DASHBOARD_SECTIONS[section]), code, label, count };
}

function figure(section: DashboardSection, key: FigureKey, count: Count, text: ExportText): FigureRow {
  return row(section, key, text.word(key, FIGURE_LABELS[key]), suppressSmallCount(count), text);
}

function breakdown(section: DashboardSection, counts: CodeCount[], text: ExportText, label: (code: string) => string | null): FigureRow[] {
  return counts.map((c) => row(section, c.code, label(c.code), suppressSmallCount(c.count), text));
}
