// Referrals: one row per referral, oldest first, the person by code. The reason and the outcome are
// free text and stay out. The identifying export adds the person's consented names and phone, the
// contact a provider needs.
import { Injectable } from '@nestjs/common';
import { HubEntity } from '../../hubs/hub.entity';
import { PersonEntity } from '../../persons/person.entity';
import { ServiceProviderEntity } from '../../service-providers/service-provider.entity';
import { UserEntity } from '../../users/user.entity';
import type { Actor } from '../../../common/actor';
import { isOverdue, todayUtc } from '../../referrals/referral-state-machine';
import { ReferralFilters, ReferralsReadService } from '../../referrals/referrals-read.service';
import { REFERRAL_STATUS_LABELS, URGENCY_LABELS } from '../export-labels';
import { ColumnOptions, dateText, DatasetExport, ExportColumn, HUB_COLUMNS, localDate, personColumn, QueryOptions, selectHub } from './export-dataset';

@Injectable()
export class ReferralsExport implements DatasetExport<ReferralFilters> {
  constructor(private readonly referrals: ReferralsReadService) {}

  query(actor: Actor, filters: ReferralFilters, { timeZone, detail }: QueryOptions) {
    const qb = this.referrals
      .filtered(actor, filters)
      .innerJoin(HubEntity, 'hub', 'hub.id = referral.hub_id')
      .innerJoin(PersonEntity, 'person', 'person.id = referral.person_id')
      .leftJoin(ServiceProviderEntity, 'provider', 'provider.id = referral.service_provider_id')
      .leftJoin(UserEntity, 'assignee', 'assignee.id = referral.assigned_to')
      .leftJoin(UserEntity, 'author', 'author.id = referral.created_by')
      .select(localDate('referral.created_at'), 'created_on');
    selectHub(qb)
      .addSelect('person.code', 'person_code')
      .addSelect('provider.name', 'provider_name')
      .addSelect(['referral.need_category AS need_category', 'referral.urgency AS urgency', 'referral.status AS status'])
      .addSelect(localDate('referral.submitted_at'), 'submitted_on')
      .addSelect(dateText('referral.due_on'), 'due_on')
      .addSelect('assignee.display_name', 'assignee_name')
      .addSelect('author.display_name', 'author_name')
      .setParameter('exportTimeZone', timeZone)
      .orderBy('referral.created_at', 'ASC')
      .addOrderBy('referral.id', 'ASC');
    if (detail === 'identifying') qb.addSelect(['person.given_name AS given_name', 'person.family_name AS family_name', 'person.phone AS phone']);
    return qb;
  }

  columns(options: ColumnOptions): ExportColumn[] {
    const today = todayUtc();
    const columns: ExportColumn[] = [
      { key: 'createdOn', type: 'date', value: (row) => row.created_on, width: 12 },
      ...HUB_COLUMNS,
      personColumn(options),
      { key: 'serviceProvider', value: (row) => row.provider_name, width: 28 },
      { key: 'needCategory', value: (row, text) => text.ref('needCategories', row.need_category), width: 24 },
      { key: 'urgency', value: (row, text) => text.of(URGENCY_LABELS, row.urgency) },
      { key: 'status', value: (row, text) => text.of(REFERRAL_STATUS_LABELS, row.status), width: 22 },
      { key: 'submittedAt', type: 'date', value: (row) => row.submitted_on, width: 12 },
      { key: 'dueOn', type: 'date', value: (row) => row.due_on, width: 12 },
      { key: 'overdue', value: (row, text) => text.yesNo(isOverdue(row.status, row.due_on, today)), width: 10 },
      { key: 'assignedTo', value: (row) => row.assignee_name, width: 20 },
      { key: 'createdBy', value: (row) => row.author_name, width: 20 },
    ];
    if (options.detail !== 'identifying') return columns;
    return [
      ...columns,
      { key: 'givenName', value: (row) => row.given_name, width: 18 },
      { key: 'familyName', value: (row) => row.family_name, width: 18 },
      { key: 'phone', value: (row) => row.phone, width: 16 },
    ];
  }
}
