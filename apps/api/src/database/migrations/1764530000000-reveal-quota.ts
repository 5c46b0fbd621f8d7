// The reveal quota counts each user's reveals of the last hour and day from the audit trail, at every
// reveal: an index on exactly those rows keeps that a short range scan however long the trail grows.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class RevealQuota1764530000000 implements MigrationInterface {
  name = 'RevealQuota1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_reveals_idx ON audit_events (actor_id, occurred_at) WHERE action = 'reveal'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_reveals_idx`);
  }
}
