import type { EntityManager } from 'typeorm';

/** What a demo seeder gets: the seeding transaction and the ids of the demo hubs and accounts. */
export interface DemoContext {
  manager: EntityManager;
  hubIdByCode: Map<string, string>;
  userIdByEmail: Map<string, string>;
  /** Dates of demo records are relative to this, so the demo always looks current. */
  now: Date;
}

/** Adds one module's demo records; answers what it added, for the start-up log (e.g. "40 visits"). */
export type DemoSeeder = (context: DemoContext) => Promise<string>;
