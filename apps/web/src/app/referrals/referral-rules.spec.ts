import { REFERRAL_STATUSES, type ReferralStatus } from '@mih/contracts';
import {
  availableActions,
  canPrintSlip,
  commentRequired,
  defaultDueOn,
  isAuthor,
  isEditable,
  isFollowUpEditable,
  isProviderAnswer,
  localDateString,
  skipsReview,
} from './referral-rules';
import { referralQuery } from './referral-list.component';

describe('availableActions', () => {
  it.each<[ReferralStatus, string[]]>([
    ['draft', ['submit', 'cancel']],
    ['returned', ['submit', 'cancel']],
    ['submitted', ['cancel']],
    ['approved', ['accept', 'decline', 'cancel']],
    ['accepted', ['complete', 'decline', 'cancel']],
    ['rejected', []],
    ['declined', []],
    ['completed', []],
    ['cancelled', []],
  ])('staff on a %s referral: %j', (status, actions) => {
    expect(availableActions(status, 'staff')).toEqual(actions);
  });

  it.each(['supervisor', 'admin'] as const)('%s: reviews submitted referrals: approve, return, reject (and may cancel)', (role) => {
    expect(availableActions('submitted', role)).toEqual(['approve', 'return', 'reject', 'cancel']);
  });

  it('staff never get the review actions, whatever the status', () => {
    for (const status of REFERRAL_STATUSES) {
      expect(availableActions(status, 'staff').filter((a) => ['approve', 'return', 'reject'].includes(a))).toEqual([]);
    }
  });

  it('counselors and signed-out visitors get nothing', () => {
    for (const status of REFERRAL_STATUSES) {
      expect(availableActions(status, 'counselor')).toEqual([]);
      expect(availableActions(status, null)).toEqual([]);
    }
  });

  it('final statuses offer nothing to anyone', () => {
    for (const status of ['rejected', 'declined', 'completed', 'cancelled'] as const) {
      expect(availableActions(status, 'admin')).toEqual([]);
    }
  });
});

describe('referral rules', () => {
  it('asks for a comment on return, reject, decline and complete only', () => {
    expect(['submit', 'approve', 'return', 'reject', 'accept', 'decline', 'complete', 'cancel'].filter((a) => commentRequired(a as never))).toEqual([
      'return',
      'reject',
      'decline',
      'complete',
    ]);
  });

  it('knows the provider answers', () => {
    expect(isProviderAnswer('accept')).toBe(true);
    expect(isProviderAnswer('complete')).toBe(true);
    expect(isProviderAnswer('approve')).toBe(false);
  });

  it('lets the content change only before review, and the follow-up while open', () => {
    expect(isEditable({ status: 'draft' }, 'staff')).toBe(true);
    expect(isEditable({ status: 'returned' }, 'staff')).toBe(true);
    expect(isEditable({ status: 'submitted' }, 'staff')).toBe(false);
    expect(isEditable({ status: 'draft' }, 'counselor')).toBe(false);
    expect(isFollowUpEditable({ status: 'accepted' }, 'staff')).toBe(true);
    expect(isFollowUpEditable({ status: 'completed' }, 'admin')).toBe(false);
  });

  it('prints the slip once the referral is sent, until the provider finishes', () => {
    expect(canPrintSlip({ status: 'approved' }, 'staff')).toBe(true);
    expect(canPrintSlip({ status: 'accepted' }, 'supervisor')).toBe(true);
    expect(canPrintSlip({ status: 'submitted' }, 'staff')).toBe(false);
    expect(canPrintSlip({ status: 'completed' }, 'staff')).toBe(false);
  });
});

describe('defaultDueOn', () => {
  const today = new Date(2026, 0, 30, 23, 30); // late evening: a UTC conversion would be a day off

  it('adds the days of the urgency, in local calendar days', () => {
    expect(defaultDueOn('routine', today)).toBe('2026-02-09');
    expect(defaultDueOn('priority', today)).toBe('2026-02-02');
    expect(defaultDueOn('emergency', today)).toBe('2026-01-31');
  });

  it('formats local dates with zero padding', () => {
    expect(localDateString(new Date(2026, 2, 5))).toBe('2026-03-05');
  });
});

describe('referralQuery', () => {
  it('builds the query of each view', () => {
    expect(referralQuery('review', 'me', 'draft')).toEqual({ queue: 'review' });
    expect(referralQuery('mine', 'me', '')).toEqual({ assignedTo: 'me' });
    expect(referralQuery('overdue', 'me', 'approved')).toEqual({ overdue: true, status: 'approved' });
    expect(referralQuery('all', 'me', 'completed')).toEqual({ status: 'completed' });
    expect(referralQuery('skipped', 'me', '')).toEqual({ reviewSkipped: true });
  });
});

describe('four eyes', () => {
  it('skips review only on the first submit of an emergency draft; a returned one goes back to review', () => {
    expect(skipsReview({ urgency: 'emergency', status: 'draft' })).toBe(true);
    expect(skipsReview({ urgency: 'emergency', status: 'returned' })).toBe(false);
    expect(skipsReview({ urgency: 'priority', status: 'draft' })).toBe(false);
  });

  it('counts the creator and anyone who submitted as an author', () => {
    const events = [{ kind: 'submit' as const, actorId: 'sup-2' }, { kind: 'return' as const, actorId: 'sup-3' }];
    expect(isAuthor({ createdBy: 'staff-1', events }, 'staff-1')).toBe(true);
    expect(isAuthor({ createdBy: 'staff-1', events }, 'sup-2')).toBe(true);
    expect(isAuthor({ createdBy: 'staff-1', events }, 'sup-3')).toBe(false);
    expect(isAuthor({ createdBy: 'staff-1', events }, null)).toBe(false);
  });
});
