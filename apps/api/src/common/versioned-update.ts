// Optimistic concurrency for PATCH: the update applies only if the row still has the version the
// client read, checked by the UPDATE's row count (no read-then-write race).
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { StaleVersionException } from './api-exception';

export async function updateWithVersion<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  entityName: string,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (result.affected !== 1) throw new StaleVersionException(entityName);
}

/** The fields whose value differs, with before and after, for the audit trail. */
export function diff<T extends object>(before: T, changes: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(changes)) {
    // DTO instances carry every declared field (ES2022 class fields), left out ones as undefined: not a change.
    if (to === undefined) continue;
    const from = (before as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}
