// Visits: one row per consultation, oldest first. The person appears by code only (in a coarse file by
// the file's pseudonym); the note is left out.
import { Injectable } from '@nestjs/common';
import { HubEntity } from '../../hubs/hub.entity';
import { PersonEntity } from '../../persons/person.entity';
import { UserEntity } from '../../users/user.entity';
import type { Actor } from '../../../common/actor';
import { VisitFilters, VisitsService } from '../../visits/visits.service';
import {
  ColumnOptions,
  dateText,
  DatasetExport,
  ExportColumn,
  HUB_COLUMNS,
  localDate,
  localDateTime,
  personColumn,
  QueryOptions,
  selectHub,
  vulnerabilitiesColumn,
} from './export-dataset';

@Injectable()
export class VisitsExport implements DatasetExport<VisitFilters> {
  constructor(private readonly visits: VisitsService) {}

  query(actor: Actor, filters: VisitFilters, { timeZone, detail }: QueryOptions) {
    const qb = this.visits
      .filtered(actor, filters)
      .innerJoin(HubEntity, 'hub', 'hub.id = visit.hub_id')
      .leftJoin(UserEntity, 'staff', 'staff.id = visit.staff_id')
      .leftJoin(PersonEntity, 'person', 'person.id = visit.person_id')
      // A coarse file has the day only: with a few visits a day at a hub, the minute can point at one person.
      .select(detail === 'coarse' ? localDate('visit.occurred_at') : localDateTime('visit.occurred_at'), 'occurred_at');
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

  columns(options: ColumnOptions): ExportColumn[] {
    const when: ExportColumn =
      options.detail === 'coarse'
        ? { key: 'occurredOn', type: 'date', value: (row) => row.occurred_at, width: 12 }
        : { key: 'occurredAt', type: 'datetime', value: (row) => row.occurred_at, width: 17 };
    return [
      when,
      ...HUB_COLUMNS,
      { key: 'staff', value: (row) => row.staff_name, width: 20 },
      { key: 'channel', value: (row, text) => text.ref('channels', row.channel) },
      personColumn(options),
      { key: 'sex', value: (row, text) => text.ref('sexes', row.sex) },
      { key: 'ageBand', value: (row, text) => text.ref('ageBands', row.age_band) },
      { key: 'nationality', value: (row, text) => text.country(row.nationality) },
      { key: 'profile', value: (row, text) => text.ref('profiles', row.profile), width: 22 },
      { key: 'topics', value: (row, text) => text.refs('topics', row.topics), width: 40 },
      { key: 'needs', value: (row, text) => text.refs('needCategories', row.needs), width: 30 },
      vulnerabilitiesColumn(options),
      { key: 'followUpOn', type: 'date', value: (row) => row.follow_up_on, width: 12 },
      { key: 'followUpDone', value: (row, text) => (row.follow_up_on === null ? null : text.yesNo(row.follow_up_done)), width: 10 },
    ];
  }
}
