// The dashboard (issue 13): one hub's year is ~13,000 visits spread over as many heap pages, and reading
// them was a third of the report's time. The (hub_id, occurred_at, id) index that the lists already use
// now carries the columns the visit figures count, so the report reads them from the index alone (an
// index-only scan; autovacuum keeps the visibility map current). It replaces the index rather than
// adding one, so a visit's insert still updates one index for its hub and time.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class VisitsReportColumns1765600000000 implements MigrationInterface {
  name = 'VisitsReportColumns1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX visits_hub_occurred_report_idx ON visits (hub_id, occurred_at DESC, id DESC)
        INCLUDE (person_id, sex, age_band, profile, nationality, channel, topics, needs)`);
    await q.query(`DROP INDEX visits_hub_occurred_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX visits_hub_occurred_idx ON visits (hub_id, occurred_at DESC, id DESC)`);
    await q.query(`DROP INDEX visits_hub_occurred_report_idx`);
  }
}
