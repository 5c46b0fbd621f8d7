// Who is calling and which hubs they may touch. Built once per request (JwtStrategy) from the database,
// so a role or hub change takes effect on the next request; every scoped query goes through HubScope.
import { Brackets, ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { Language, Role } from '@mih/contracts';

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
}

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
