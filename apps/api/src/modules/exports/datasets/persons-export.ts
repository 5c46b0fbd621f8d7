// Persons: one row per open record (merged ones left out), by code, with the age band of today in place
// of the birth date. The identifying export adds the consented names, birth date, document and phone.
import { Injectable } from '@nestjs/common';
import { HubEntity } from '../../hubs/hub.entity';
import type { Actor } from '../../../common/actor';
import { PersonsService } from '../../persons/persons.service';
import { ageBandOf } from '@mih/contracts';
import { ColumnOptions, dateText, DatasetExport, ExportColumn, HUB_COLUMNS, localDate, personColumn, QueryOptions, selectHub, vulnerabilitiesColumn } from './export-dataset';

export type PersonFilters = Parameters<PersonsService['filtered']>[1];

@Injectable()
export class PersonsExport implements DatasetExport<PersonFilters> {
  constructor(private readonly persons: PersonsService) {}

  query(actor: Actor, filters: PersonFilters, { timeZone, detail }: QueryOptions) {
    const qb = this.persons
      .filtered(actor, filters)
      .innerJoin(HubEntity, 'hub', 'hub.id = person.hub_id')
      .select('person.code', 'person_code');
    selectHub(qb)
      .addSelect(['person.sex AS sex', 'person.nationality AS nationality', 'person.profile AS profile', 'person.vulnerabilities AS vulnerabilities'])
      // Read only to work out the age band; never written unless identifying.
      .addSelect(['person.birth_year AS birth_year', 'person.age_band AS age_band'])
      .addSelect(dateText('person.date_of_birth'), 'date_of_birth')
      .addSelect('person.consent_given', 'consent_given')
      .addSelect(localDate('person.created_at'), 'registered_on')
      .setParameter('exportTimeZone', timeZone)
      .orderBy('person.created_at', 'ASC')
      .addOrderBy('person.id', 'ASC');
    if (detail === 'identifying') {
      qb.addSelect(['person.given_name AS given_name', 'person.family_name AS family_name', 'person.document_number AS document_number', 'person.phone AS phone']);
    }
    return qb;
  }

  columns(options: ColumnOptions): ExportColumn[] {
    const today = new Date();
    const columns: ExportColumn[] = [
      personColumn(options),
      ...HUB_COLUMNS,
      { key: 'sex', value: (row, text) => text.ref('sexes', row.sex) },
      {
        key: 'ageBand',
        value: (row, text) => text.ref('ageBands', ageBandOf({ dateOfBirth: row.date_of_birth, birthYear: row.birth_year, ageBand: row.age_band }, today)),
      },
      { key: 'nationality', value: (row, text) => text.country(row.nationality) },
      { key: 'profile', value: (row, text) => text.ref('profiles', row.profile), width: 22 },
      vulnerabilitiesColumn(options),
      { key: 'consent', value: (row, text) => text.yesNo(row.consent_given), width: 10 },
      { key: 'registeredOn', type: 'date', value: (row) => row.registered_on, width: 12 },
    ];
    if (options.detail !== 'identifying') return columns;
    return [
      ...columns,
      { key: 'givenName', value: (row) => row.given_name, width: 18 },
      { key: 'familyName', value: (row) => row.family_name, width: 18 },
      { key: 'dateOfBirth', type: 'date', value: (row) => row.date_of_birth, width: 12 },
      { key: 'documentNumber', value: (row) => row.document_number, width: 16 },
      { key: 'phone', value: (row) => row.phone, width: 16 },
    ];
  }
}
