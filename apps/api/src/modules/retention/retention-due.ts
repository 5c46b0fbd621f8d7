// What "closed longer than the retention period" means — written here once, for the preview and the run.
//
// A counselor case is closed when its status is 'closed'; it is due when it was closed (closed_at) longer
// ago than the period of its hub's country.
// A person is closed when nothing about them is open: no referral still in its lifecycle (every one
// completed, rejected, declined or cancelled) and no case linked to them that is not closed. They are due
// when their last activity — the latest of their record's creation or last change, their visits (and the
// follow-up dates promised in them), their referrals' last changes and their cases' last changes —
// is older than the period of their hub's country.
// Records anonymised before are never due again.
import type { RetentionKind } from '@mih/contracts';
import { DEFAULT_RETENTION_YEARS } from '@mih/contracts';

/** Final referral statuses: nothing more happens to these. */
const FINAL_REFERRAL_STATUSES = `('completed', 'rejected', 'declined', 'cancelled')`;

/** Each hub's country and the instant before which its records are past retention, as of $1. */
const CUTOFFS = `
  SELECT h.id AS hub_id, h.country_code,
         $1::timestamptz - make_interval(years => coalesce(s.years, ${DEFAULT_RETENTION_YEARS})) AS cutoff
  FROM hubs h LEFT JOIN retention_settings s ON s.country_code = h.country_code`;

/** SQL answering (id, country_code, last_active) of the persons due as of $1. */
export const DUE_PERSONS = `
  SELECT p.id, c.country_code, activity.last_active
  FROM persons p
  JOIN (${CUTOFFS}) c ON c.hub_id = p.hub_id
  CROSS JOIN LATERAL (
    SELECT greatest(
      p.created_at, p.updated_at,
      (SELECT max(greatest(v.occurred_at, v.follow_up_on::timestamptz, v.follow_up_done_at)) FROM visits v WHERE v.person_id = p.id),
      (SELECT max(r.updated_at) FROM referrals r WHERE r.person_id = p.id),
      (SELECT max(greatest(k.updated_at, k.closed_at)) FROM cases k WHERE k.person_id = p.id)
    ) AS last_active
  ) activity
  WHERE p.anonymised_at IS NULL
    AND activity.last_active < c.cutoff
    AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.person_id = p.id AND r.status NOT IN ${FINAL_REFERRAL_STATUSES})
    AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.person_id = p.id AND k.status <> 'closed')`;

/** SQL answering (id, country_code, last_active) of the counselor cases due as of $1. */
export const DUE_CASES = `
  SELECT k.id, c.country_code, coalesce(k.closed_at, k.updated_at) AS last_active
  FROM cases k
  JOIN (${CUTOFFS}) c ON c.hub_id = k.hub_id
  WHERE k.anonymised_at IS NULL AND k.status = 'closed' AND coalesce(k.closed_at, k.updated_at) < c.cutoff`;

export const DUE: Record<RetentionKind, string> = { persons: DUE_PERSONS, cases: DUE_CASES };
