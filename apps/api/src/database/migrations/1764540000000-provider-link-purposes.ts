// Provider links that are spent: each link is for one step — 'answer' (accept or decline, the link on the
// slip) or 'outcome' (handed over on accepting) — and used_at marks it spent. Links issued before are
// links on slips: answer links, spent already when their referral is past approved (the state machine
// decides what they may still do).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProviderLinkPurposes1764540000000 implements MigrationInterface {
  name = 'ProviderLinkPurposes1764540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE provider_links ADD COLUMN purpose varchar(10) NOT NULL DEFAULT 'answer' CHECK (purpose IN ('answer', 'outcome'))`);
    await q.query(`ALTER TABLE provider_links ADD COLUMN used_at timestamptz`);
    // An accepted referral's live link may still record the outcome, as it could before.
    await q.query(`
      UPDATE provider_links l SET purpose = 'outcome'
      FROM referrals r WHERE r.id = l.referral_id AND r.status = 'accepted' AND l.revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE provider_links DROP COLUMN used_at`);
    await q.query(`ALTER TABLE provider_links DROP COLUMN purpose`);
  }
}
