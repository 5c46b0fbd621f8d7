// The response timer: hours waited until someone took (or closed) the case, overdue only while new and
// past the configured response time.
import { CaseEntity } from './case.entity';
import { toCase, toCaseDetail, toSentCase } from './case-representation';

const HOUR = 3_600_000;
const created = new Date('2026-03-02T08:00:00.000Z');
const names = { users: new Map([['u1', 'Carmen López']]), personCodes: new Map<string, string>() };

function entity(overrides: Partial<CaseEntity> = {}): CaseEntity {
  return Object.assign(new CaseEntity(), {
    id: 'c1',
    hubId: 'h1',
    activityId: null,
    needCategory: 'shelter',
    urgency: 'routine',
    sex: 'female',
    ageBand: '25-59',
    nationality: 'GT',
    profile: 'intending',
    vulnerabilities: [],
    description: 'Necesita albergue',
    consentGiven: true,
    consentPurposes: ['contact'],
    consentDate: '2026-03-02',
    givenName: 'Rosa',
    contact: null,
    status: 'new',
    outcome: null,
    closeComment: null,
    personId: null,
    createdBy: 'u1',
    assignedTo: null,
    takenAt: null,
    closedAt: null,
    version: 1,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  });
}
const at = (hours: number) => new Date(created.getTime() + hours * HOUR);

describe('case representation', () => {
  it('counts the hours a new case has waited so far and flags it overdue past the response time', () => {
    expect(toCase(entity(), names, 48, at(47.9))).toMatchObject({ waitingHours: 47, overdue: false, respondBy: at(48).toISOString() });
    expect(toCase(entity(), names, 48, at(48.1))).toMatchObject({ waitingHours: 48, overdue: true });
  });

  it('takes the response time it is configured with', () => {
    expect(toCase(entity(), names, 4, at(5))).toMatchObject({ overdue: true, respondBy: at(4).toISOString() });
    expect(toCase(entity(), names, 72, at(60))).toMatchObject({ overdue: false });
  });

  it('stops the timer when the case is taken, or closed without being taken', () => {
    const taken = entity({ status: 'in_progress', takenAt: at(6), assignedTo: 'u1' });
    expect(toCase(taken, names, 48, at(100))).toMatchObject({ waitingHours: 6, overdue: false, assignedToName: 'Carmen López' });
    const closed = entity({ status: 'closed', outcome: 'no_contact', closedAt: at(30) });
    expect(toCase(closed, names, 48, at(100))).toMatchObject({ waitingHours: 30, overdue: false });
  });

  it('shows the counselor the status only, lists no name or description, and the detail everything', () => {
    expect(Object.keys(toSentCase(entity())).sort()).toEqual(['activityId', 'createdAt', 'hubId', 'id', 'needCategory', 'outcome', 'status', 'updatedAt', 'urgency']);
    const listed = toCase(entity(), names, 48);
    expect(listed).toMatchObject({ hasIdentifying: true, createdByName: 'Carmen López' });
    expect(JSON.stringify(listed)).not.toMatch(/Rosa|albergue/);
    expect(toCaseDetail(entity(), names, 48)).toMatchObject({ givenName: 'Rosa', description: 'Necesita albergue', consent: { given: true, purposes: ['contact'], date: '2026-03-02' } });
  });
});
