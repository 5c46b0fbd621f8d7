// Visits: one row per consultation, oldest first. The person appears by code only; the note is left out.
import { Injectable } from '@nestjs/common';
import { HubEntity } from '../../hubs/hub.entity';
import { PersonEntity } from '../../persons/person.entity';
import { UserEntity } from '../../users/user.entity';
import type { Actor } from '../../../common/actor';
import { VisitFilters, VisitsService } from '../../visits/visits.service';
import { dateText, DatasetExport, ExportColumn, HUB_COLUMNS, localDateTime, selectHub } from './export-dataset';

@Injectable()
export class VisitsExport implements DatasetExport<VisitFilters> {
  constructor(private readonly visits: VisitsService) {}

  query(actor: Actor, filters: VisitFilters, { timeZone }: { timeZone: string }) {
    const qb = this.visits
      .filtered(actor, filters)
      .innerJoin(HubEntity, 'hub', 'hub.id = visit.hub_id')
      .leftJoin(UserEntity, 'staff', 'staff.id = visit.staff_id')
      .leftJoin(PersonEntity, 'person', 'person.id = visit.person_id')
      .select(localDateTime('visit.occurred_at'), 'occurred_at');
    return selectHub(qb)
      .addSelect('staff.display_name', 'staff_name')
      .addSelect('visit.channel', 'channel')
      .addSelect('person.code', 'person_code')
      .addSelect(['visit.sex AS sex', 'visit.age_band AS age_band', 'visit.nationality AS nationality', 'visit.profile AS profile'])
      .addSelect(['visit.topics AS topics', 'visit.needs AS needs', 'visit.vulnerabilities AS vulnerabilities'])
      .addSelect(dateText('visit.follow_up_on'), 'follow_up_on')
      .addSelect('visit.follow_up_done_at IS NOT NULL', 'follow_up_done')
      .setParameter('exportTimeZone', timeZone)
      .orderBy('visit.occurred_at', 'ASC')
      .addOrderBy('visit.id', 'ASC');
  }

  columns(): ExportColumn[] {
    return [
      { key: 'occurredAt', type: 'datetime', value: (row) => row.occurred_at, width: 17 },
      ...HUB_COLUMNS,
      { key: 'staff', value: (row) => row.staff_name, width: 20 },
      { key: 'channel', value: (row, text) => text.ref('channels', row.channel) },
      { key: 'personCode', value: (row) => row.person_code, width: 16 },
      { key: 'sex', value: (row, text) => text.ref('sexes', row.sex) },
      { key: 'ageBand', value: (row, text) => text.ref('ageBands', row.age_band) },
      { key: 'nationality', value: (row, text) => text.country(row.nationality) },
      { key: 'profile', value: (row, text) => text.ref('profiles', row.profile), width: 22 },
      { key: 'topics', value: (row, text) => text.refs('topics', row.topics), width: 40 },
      { key: 'needs', value: (row, text) => text.refs('needCategories', row.needs), width: 30 },
      { key: 'vulnerabilities', value: (row, text) => text.refs('vulnerabilities', row.vulnerabilities), width: 30 },
      { key: 'followUpOn', type: 'date', value: (row) => row.follow_up_on, width: 12 },
      { key: 'followUpDone', value: (row, text) => (row.follow_up_on === null ? null : text.yesNo(row.follow_up_done)), width: 10 },
    ];
  }
}
