import type { Activity, Case, CaseDetail, SentCase } from '@mih/contracts';
import { hub, staffUser } from './fixtures';

export function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: '40000000-0000-4000-8000-000000000001',
    hubId: hub().id,
    type: 'school_talk',
    occurredOn: '2026-03-02',
    place: 'Instituto Básico',
    community: null,
    participants: { girls: 10, boys: 12, women: 2, men: 1, other: 0 },
    participantsTotal: 25,
    topics: ['trafficking'],
    counselors: [{ id: '00000000-0000-4000-8000-000000000005', displayName: 'Carmen López' }],
    campaign: null,
    materials: null,
    notes: null,
    createdBy: '00000000-0000-4000-8000-000000000005',
    version: 1,
    createdAt: '2026-03-02T20:00:00.000Z',
    updatedAt: '2026-03-02T20:00:00.000Z',
    ...overrides,
  };
}

export function sentCase(overrides: Partial<SentCase> = {}): SentCase {
  return {
    id: '50000000-0000-4000-8000-000000000001',
    hubId: hub().id,
    activityId: null,
    needCategory: 'shelter',
    urgency: 'priority',
    status: 'new',
    outcome: null,
    createdAt: '2026-03-02T20:00:00.000Z',
    updatedAt: '2026-03-02T20:00:00.000Z',
    ...overrides,
  };
}

export function inboxCase(overrides: Partial<Case> = {}): Case {
  return {
    ...sentCase(),
    sex: 'female',
    ageBand: '18-24',
    nationality: 'HN',
    profile: 'in_transit',
    vulnerabilities: [],
    hasIdentifying: true,
    personId: null,
    personCode: null,
    createdBy: '00000000-0000-4000-8000-000000000005',
    createdByName: 'Carmen López',
    assignedTo: null,
    assignedToName: null,
    takenAt: null,
    closedAt: null,
    waitingHours: 3,
    respondBy: '2026-03-04T20:00:00.000Z',
    overdue: false,
    version: 1,
    ...overrides,
  };
}

export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...inboxCase(),
    description: 'Sin dinero para albergue esta noche',
    consent: { given: true, purposes: ['contact', 'follow_up'], date: '2026-03-02' },
    givenName: 'Yesenia',
    contact: '+502 5555 0101',
    closeComment: null,
    ...overrides,
  };
}

export const counselorUser = { ...staffUser, id: '00000000-0000-4000-8000-000000000005', email: 'counselor@example.org', displayName: 'Carmen López', role: 'counselor' as const };
