// The audit viewer lists the trail newest first (by occurred_at, then id) with filters on who, what,
// which hub and when: each filter gets an index that ends in (occurred_at, id), so that a page is a
// short backward range scan however long the trail grows. A record's events are few (the
// (entity_type, entity_id, id) index finds them; sorting them is cheap). The (actor_id, id) and (hub_id, id) indexes
// of the initial migration served the old id-ordered list only and are replaced.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditViewer1765400000000 implements MigrationInterface {
  name = 'AuditViewer1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_time_idx ON audit_events (occurred_at, id)`);
    await q.query(`CREATE INDEX audit_events_action_time_idx ON audit_events (action, occurred_at, id)`);
    await q.query(`CREATE INDEX audit_events_actor_time_idx ON audit_events (actor_id, occurred_at, id)`);
    await q.query(`CREATE INDEX audit_events_hub_time_idx ON audit_events (hub_id, occurred_at, id)`);
    await q.query(`DROP INDEX audit_events_actor_idx`);
    await q.query(`DROP INDEX audit_events_hub_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_hub_idx ON audit_events (hub_id, id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id)`);
    await q.query(`DROP INDEX audit_events_hub_time_idx`);
    await q.query(`DROP INDEX audit_events_actor_time_idx`);
    await q.query(`DROP INDEX audit_events_action_time_idx`);
    await q.query(`DROP INDEX audit_events_time_idx`);
  }
}
