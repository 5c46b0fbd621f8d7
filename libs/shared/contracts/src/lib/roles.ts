// Which roles may do what, written once for both sides: the web app shows or hides by these lists, the
// API refuses by the same ones (RECORD_PERMISSIONS in apps/api/src/common/actor.ts, @Roles(...) on routes).
import type { Role } from './enums';

/** Roles that log visits and keep person records; counselors work with community activities instead. */
export const CASE_ROLES: readonly Role[] = ['admin', 'supervisor', 'staff'];

/** Roles that may merge duplicate person records of their scope. */
export const MERGE_ROLES: readonly Role[] = ['admin', 'supervisor'];

/** Roles that manage the counselor roster (supervisors for the hubs of their scope). */
export const ROSTER_ROLES: readonly Role[] = ['admin', 'supervisor'];

/** Roles that check and lock a quarter of their scope (only admins unlock one). */
export const QUARTER_CLOSE_ROLES: readonly Role[] = ['admin', 'supervisor'];
