// The retention run's changes to the due records: identifying fields and free text go; the pseudonymous
// code, the codes (sex, age band, nationality, profile, vulnerabilities, needs, topics), the statuses and
// the dates every figure counts stay, so no dashboard or quarterly figure moves. A birth date leaves its
// year behind (the age band is computed from it). Versions are bumped so a stale copy answers 409.
import type { EntityManager } from 'typeorm';

export interface ErasedCounts {
  /** Notes of the anonymised persons' visits. */
  visitNotes: number;
  /** Referrals of the anonymised persons (reason and outcome). */
  referrals: number;
  /** Comments in those referrals' timelines. */
  referralComments: number;
}

export async function anonymisePersons(manager: EntityManager, personIds: string[], now: Date): Promise<ErasedCounts> {
  if (personIds.length === 0) return { visitNotes: 0, referrals: 0, referralComments: 0 };
  await manager.query(
    `UPDATE persons SET given_name = NULL, family_name = NULL, document_number = NULL, phone = NULL,
            birth_year = coalesce(birth_year, extract(year FROM date_of_birth)::int), date_of_birth = NULL,
            search_text = mih_person_search_text(NULL, NULL, code, NULL),
            anonymised_at = $2, version = version + 1
     WHERE id = ANY($1)`,
    [personIds, now],
  );
  const [, visitNotes] = await manager.query(
    `UPDATE visits SET note = NULL, version = version + 1 WHERE person_id = ANY($1) AND note IS NOT NULL`,
    [personIds],
  );
  const [, referrals] = await manager.query(
    `UPDATE referrals SET reason = '', outcome = NULL, version = version + 1 WHERE person_id = ANY($1)`,
    [personIds],
  );
  // referral_events is append-only: this function (the migration role's) erases just the comments.
  const [{ erased }] = await manager.query('SELECT mih_erase_referral_comments($1) AS erased', [personIds]);
  return { visitNotes, referrals, referralComments: erased };
}

export async function anonymiseCases(manager: EntityManager, caseIds: string[], now: Date): Promise<void> {
  if (caseIds.length === 0) return;
  await manager.query(
    `UPDATE cases SET given_name = NULL, contact = NULL, description = '', close_comment = NULL,
            anonymised_at = $2, version = version + 1
     WHERE id = ANY($1)`,
    [caseIds, now],
  );
}
