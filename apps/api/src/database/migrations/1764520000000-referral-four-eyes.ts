// Four eyes on referrals: a referral whose emergency submit skipped the supervisors' review says so
// (review_skipped), so lists, filters and the timeline can show it. Earlier skips are the approvals
// the system made (no actor, not through a provider link).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralFourEyes1764520000000 implements MigrationInterface {
  name = 'ReferralFourEyes1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referrals ADD COLUMN review_skipped boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE referrals r SET review_skipped = true
      WHERE EXISTS (SELECT 1 FROM referral_events e
                    WHERE e.referral_id = r.id AND e.kind = 'approve' AND e.actor_id IS NULL AND NOT e.via_provider_link)`);
    // Supervisors look for the few skipped reviews among many referrals.
    await q.query(`CREATE INDEX referrals_review_skipped_idx ON referrals (hub_id, created_at DESC, id DESC) WHERE review_skipped`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX referrals_review_skipped_idx`);
    await q.query(`ALTER TABLE referrals DROP COLUMN review_skipped`);
  }
}
