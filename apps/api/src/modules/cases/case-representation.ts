// How a case is shown: to the counselor who sent it (status only), in staff lists (no name, contact or
// description) and in full (GET /api/cases/:id, audited). The response timer is computed per answer.
import type { Case, CaseDetail, SentCase } from '@mih/contracts';
import type { CaseEntity } from './case.entity';

export interface CaseNames {
  users: ReadonlyMap<string, string>;
  personCodes: ReadonlyMap<string, string>;
}

const HOUR_MS = 60 * 60 * 1000;

export function toSentCase(c: CaseEntity): SentCase {
  return {
    id: c.id,
    hubId: c.hubId,
    activityId: c.activityId,
    needCategory: c.needCategory,
    urgency: c.urgency,
    status: c.status,
    outcome: c.outcome,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The hours waited count until someone took (or closed) the case; a new one is overdue past respondBy. */
export function toCase(c: CaseEntity, names: CaseNames, responseHours: number, now = new Date()): Case {
  const answeredAt = c.takenAt ?? c.closedAt ?? now;
  const respondBy = new Date(c.createdAt.getTime() + responseHours * HOUR_MS);
  return {
    ...toSentCase(c),
    sex: c.sex,
    ageBand: c.ageBand,
    nationality: c.nationality,
    profile: c.profile,
    vulnerabilities: c.vulnerabilities,
    hasIdentifying: c.givenName !== null || c.contact !== null,
    personId: c.personId,
    personCode: c.personId ? (names.personCodes.get(c.personId) ?? null) : null,
    createdBy: c.createdBy,
    createdByName: names.users.get(c.createdBy) ?? '',
    assignedTo: c.assignedTo,
    assignedToName: c.assignedTo ? (names.users.get(c.assignedTo) ?? null) : null,
    takenAt: c.takenAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    waitingHours: Math.max(0, Math.floor((answeredAt.getTime() - c.createdAt.getTime()) / HOUR_MS)),
    respondBy: respondBy.toISOString(),
    overdue: c.status === 'new' && now.getTime() > respondBy.getTime(),
    version: c.version,
  };
}

export function toCaseDetail(c: CaseEntity, names: CaseNames, responseHours: number, now = new Date()): CaseDetail {
  return {
    ...toCase(c, names, responseHours, now),
    description: c.description,
    consent: c.consentDate ? { given: c.consentGiven, purposes: c.consentPurposes, date: c.consentDate } : null,
    givenName: c.givenName,
    contact: c.contact,
    closeComment: c.closeComment,
  };
}
