import { REFERRAL_ACTIONS, REFERRAL_STATUSES, REFERRAL_TRANSITIONS } from '@mih/contracts';
import { actionsFrom, addDays, commentRequired, isFinal, isOverdue, roleMayTake } from './referral-state-machine';

describe('referral state machine', () => {
  it('lets admins and supervisors take every action, staff all but review, counselors none', () => {
    for (const action of REFERRAL_ACTIONS) {
      expect(roleMayTake('admin', action)).toBe(true);
      expect(roleMayTake('supervisor', action)).toBe(true);
      expect(roleMayTake('staff', action)).toBe(!['approve', 'return', 'reject'].includes(action));
      expect(roleMayTake('counselor', action)).toBe(false);
    }
  });

  it('allows no action from a final status, and some from every other', () => {
    for (const status of REFERRAL_STATUSES) expect(actionsFrom(status).length === 0).toBe(isFinal(status));
    expect(actionsFrom('approved')).toEqual(['accept', 'decline', 'cancel']);
  });

  it('never leads an action back to where it may start from', () => {
    for (const action of REFERRAL_ACTIONS) expect(REFERRAL_TRANSITIONS[action].from).not.toContain(REFERRAL_TRANSITIONS[action].to);
  });

  it('needs a comment to return, reject, decline and complete only', () => {
    expect(REFERRAL_ACTIONS.filter(commentRequired)).toEqual(['return', 'reject', 'decline', 'complete']);
  });

  it('is overdue only while waiting for an answer, after the due day', () => {
    expect(isOverdue('submitted', '2026-01-09', '2026-01-10')).toBe(true);
    expect(isOverdue('accepted', '2026-01-09', '2026-01-10')).toBe(true);
    expect(isOverdue('approved', '2026-01-10', '2026-01-10')).toBe(false);
    expect(isOverdue('draft', '2026-01-01', '2026-01-10')).toBe(false);
    expect(isOverdue('completed', '2026-01-01', '2026-01-10')).toBe(false);
  });

  it('adds days across months and years in UTC', () => {
    expect(addDays('2025-12-25', 10)).toBe('2026-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
