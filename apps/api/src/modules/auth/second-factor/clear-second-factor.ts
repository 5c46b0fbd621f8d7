// Shared by the user turning their second factor off and an admin resetting it (users module).
import type { EntityManager } from 'typeorm';

/** Removes the secret and the recovery codes; `keepChoice` (an admin's reset) makes the user enrol again. */
export async function clearSecondFactor(manager: EntityManager, userId: string, { keepChoice }: { keepChoice: boolean }): Promise<void> {
  await manager.query(
    `UPDATE users SET second_factor_secret = NULL, second_factor_confirmed_at = NULL, second_factor_last_step = NULL,
            second_factor_on = second_factor_on AND $2 WHERE id = $1`,
    [userId, keepChoice],
  );
  await manager.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
}
