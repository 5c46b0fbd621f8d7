// Who is calling and which hubs they may touch. Built once per request (JwtStrategy) from the database,
// so a role or hub change takes effect on the next request; every scoped query goes through HubScope.
import { Brackets, ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import { CASE_ROLES, MERGE_ROLES, type Language, type Role } from '@mih/contracts';

export class HubScope {
  private constructor(
    readonly all: boolean,
    readonly hubIds: readonly string[],
    readonly countryCodes: readonly string[],
  ) {}

  static forUser(role: Role, hubIds: string[], countryCodes: string[]): HubScope {
    if (role === 'admin') return new HubScope(true, [], []);
    // Only supervisors may be scoped to whole countries; staff and counselors work in their own hubs.
    return new HubScope(false, hubIds, role === 'supervisor' ? countryCodes : []);
  }

  /** Does a hub with this id and country fall in scope? For checks on a record already loaded. */
  includes(hub: { id: string; countryCode: string }): boolean {
    return this.all || this.hubIds.includes(hub.id) || this.countryCodes.includes(hub.countryCode);
  }

  /**
   * Restricts a query to rows whose hub is in scope.
   * @param hubIdColumn SQL of the row's hub id, e.g. `visit.hub_id`
   * @param countryColumn SQL of that hub's country code (join the hub when the row has none)
   */
  apply<E extends ObjectLiteral>(qb: SelectQueryBuilder<E> | WhereExpressionBuilder, hubIdColumn: string, countryColumn: string) {
    if (this.all) return qb;
    return qb.andWhere(
      new Brackets((inner) => {
        inner.where('false');
        if (this.hubIds.length > 0) inner.orWhere(`${hubIdColumn} IN (:...scopeHubIds)`, { scopeHubIds: this.hubIds });
        if (this.countryCodes.length > 0) {
          inner.orWhere(`${countryColumn} IN (:...scopeCountryCodes)`, { scopeCountryCodes: this.countryCodes });
        }
      }),
    );
  }

  /**
   * Like apply(), for rows that carry only a hub id (persons, visits): the countries of a supervisor
   * resolve through the hubs table, so lists keep using their (hub_id, …) indexes without a join.
   */
  applyToHubId<E extends ObjectLiteral>(qb: SelectQueryBuilder<E> | WhereExpressionBuilder, hubIdColumn: string) {
    if (this.all) return qb;
    return qb.andWhere(
      new Brackets((inner) => {
        inner.where('false');
        if (this.hubIds.length > 0) inner.orWhere(`${hubIdColumn} IN (:...scopeHubIds)`, { scopeHubIds: this.hubIds });
        if (this.countryCodes.length > 0) {
          inner.orWhere(`${hubIdColumn} IN (SELECT scope_hub.id FROM hubs scope_hub WHERE scope_hub.country_code IN (:...scopeCountryCodes))`, {
            scopeCountryCodes: this.countryCodes,
          });
        }
      }),
    );
  }
}

/** The columns of a person, visit, activity or case row that decide who may see it. */
export interface RecordColumns {
  /** e.g. `visit.hub_id` */
  hubId: string;
  /** The user who created the row, e.g. `person.created_by` or `visit.staff_id`. */
  createdBy: string;
  /** A uuid[] column of users the row names as its own too (an activity's counselors), e.g. `activity.counselor_ids`. */
  listedIn?: string;
}

/**
 * Persons, visits, activities and cases the caller may read (SPEC §3): admins all; supervisors the hubs
 * of their scope; staff their own hubs; counselors only the rows they created (or that name them), in
 * their hubs. Every query on those tables goes through here.
 */
export function applyRecordScope<E extends ObjectLiteral>(actor: Pick<Actor, 'id' | 'role' | 'scope'>, qb: SelectQueryBuilder<E>, columns: RecordColumns) {
  actor.scope.applyToHubId(qb, columns.hubId);
  if (actor.role === 'counselor') {
    const own = `${columns.createdBy} = :scopeActorId`;
    const listed = columns.listedIn ? ` OR ${columns.listedIn} @> ARRAY[CAST(:scopeActorId AS uuid)]` : '';
    qb.andWhere(listed ? `(${own}${listed})` : own, { scopeActorId: actor.id });
  }
  return qb;
}

/** What a caller may do with the persons and visits they can see. */
export const RECORD_PERMISSIONS = {
  /** Create and update persons and visits (in their scope). */
  write: (actor: Pick<Actor, 'role'>) => CASE_ROLES.includes(actor.role),
  /** See a person's identifying fields unmasked, giving a reason. */
  reveal: (actor: Pick<Actor, 'role'>) => CASE_ROLES.includes(actor.role),
  /** Merge duplicate persons. */
  merge: (actor: Pick<Actor, 'role'>) => MERGE_ROLES.includes(actor.role),
} as const;

export interface Actor {
  id: string;
  role: Role;
  language: Language;
  hubIds: string[];
  countryCodes: string[];
  scope: HubScope;
  /** Client address, for the audit trail. */
  ip: string | null;
}
