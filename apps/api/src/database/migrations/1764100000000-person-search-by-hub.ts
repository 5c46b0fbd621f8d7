// Person search by hub. Staff search their own hub, but the trigram index alone returned the matches of
// every hub (14,000 rows for a common surname at 200,000 persons) before the hub filter threw most of
// them away. A GIN index over (hub_id, search_text) intersects both inside the index; queries without a
// hub condition (admins) use its search_text column alone, so it replaces the single-column index.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonSearchByHub1764100000000 implements MigrationInterface {
  name = 'PersonSearchByHub1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(`CREATE INDEX persons_hub_search_text_trgm_idx ON persons USING gin (hub_id, search_text gin_trgm_ops)`);
    await q.query(`DROP INDEX persons_search_text_trgm_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX persons_search_text_trgm_idx ON persons USING gin (search_text gin_trgm_ops)`);
    await q.query(`DROP INDEX persons_hub_search_text_trgm_idx`);
  }
}
