// Kreyòl ayisyen (issue 15): 'ht' joins the languages a user, a provider's slips and the reference lists
// speak, and a person (and each of their referrals) gets the language they understand best, which the
// referral slip they carry away can be printed in.
import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFERENCE_LABELS_HT } from './1765500000000-kreyol.data';

const LANGS = `'es', 'en', 'fr', 'ht'`;
const OLD_LANGS = `'es', 'en', 'fr'`;

export class Kreyol1765500000000 implements MigrationInterface {
  name = 'Kreyol1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_language_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_language_check CHECK (language IN (${LANGS}))`);
    await q.query(`ALTER TABLE service_providers DROP CONSTRAINT service_providers_languages_check`);
    await q.query(`
      ALTER TABLE service_providers ADD CONSTRAINT service_providers_languages_check
        CHECK (cardinality(languages) >= 1 AND languages <@ ARRAY[${LANGS}])`);
    for (const table of ['persons', 'referrals']) {
      await q.query(`
        ALTER TABLE ${table} ADD COLUMN preferred_language varchar(2)
          CONSTRAINT ${table}_preferred_language_check CHECK (preferred_language IN (${LANGS}))`);
    }
    for (const [list, labels] of Object.entries(REFERENCE_LABELS_HT)) {
      for (const [code, label] of Object.entries(labels)) {
        await q.query(`UPDATE reference_items SET labels = labels || jsonb_build_object('ht', $3::text) WHERE list = $1 AND code = $2`, [
          list,
          code,
          label,
        ]);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE reference_items SET labels = labels - 'ht'`);
    for (const table of ['persons', 'referrals']) await q.query(`ALTER TABLE ${table} DROP COLUMN preferred_language`);
    await q.query(`UPDATE users SET language = 'es' WHERE language = 'ht'`);
    await q.query(`UPDATE service_providers SET languages = array_remove(languages, 'ht')`);
    await q.query(`UPDATE service_providers SET languages = '{es}' WHERE cardinality(languages) = 0`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_language_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_language_check CHECK (language IN (${OLD_LANGS}))`);
    await q.query(`ALTER TABLE service_providers DROP CONSTRAINT service_providers_languages_check`);
    await q.query(`
      ALTER TABLE service_providers ADD CONSTRAINT service_providers_languages_check
        CHECK (cardinality(languages) >= 1 AND languages <@ ARRAY[${OLD_LANGS}])`);
  }
}
