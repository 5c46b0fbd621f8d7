// Loads the demo hubs and accounts into an empty database (no users yet); never touches a used one.
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../modules/auth/password.service';
import { HubEntity } from '../../modules/hubs/hub.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { DEMO_HUBS, DEMO_USERS } from './demo-data';
import { DemoContext, DemoSeeder } from './demo-context';
import { seedDemoConsultations } from './demo-consultations';
import { seedDemoReferrals } from './demo-referrals';
import { seedDemoOutreach } from './demo-outreach';
import { seedDemoQuarterLocks } from './demo-quarter-locks';

/** What each module adds to the demo, in order (later seeders may use the records of earlier ones). */
const DEMO_SEEDERS: DemoSeeder[] = [seedDemoConsultations, seedDemoReferrals, seedDemoOutreach, seedDemoQuarterLocks];

export async function seedDemoData(dataSource: DataSource, password: string): Promise<boolean> {
  const logger = new Logger('DemoData');
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent starts (replicas) on the same database.
    await manager.query('SELECT pg_advisory_xact_lock(727002)');
    if ((await manager.count(UserEntity)) > 0) return false;
    const hubs = await manager.save(HubEntity, DEMO_HUBS.map((hub) => manager.create(HubEntity, { ...hub, status: 'active' })));
    const hubIdByCode = new Map(hubs.map((hub) => [hub.code, hub.id]));
    const passwordHash = await hashPassword(password);
    const userIdByEmail = new Map<string, string>();
    for (const demo of DEMO_USERS) {
      const user = await manager.save(
        manager.create(UserEntity, {
          email: demo.email,
          displayName: demo.displayName,
          role: demo.role,
          passwordHash,
          language: 'es',
          active: true,
          mustChangePassword: false, // demo accounts come with their password chosen
          countryCodes: demo.countryCodes,
        }),
      );
      userIdByEmail.set(demo.email, user.id);
      for (const code of demo.hubCodes) {
        await manager.query('INSERT INTO user_hubs (user_id, hub_id) VALUES ($1, $2)', [user.id, hubIdByCode.get(code)]);
      }
    }
    const context: DemoContext = { manager, hubIdByCode, userIdByEmail, now: new Date() };
    const records: string[] = [];
    for (const seed of DEMO_SEEDERS) records.push(await seed(context));
    logger.log(`Demo data loaded: ${hubs.length} hubs, ${DEMO_USERS.length} accounts, ${records.join(', ')}`);
    return true;
  });
}
