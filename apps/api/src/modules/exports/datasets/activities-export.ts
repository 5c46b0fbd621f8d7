// Outreach activities: one row per activity, oldest first, participants by group. Notes stay out.
import { Injectable } from '@nestjs/common';
import type { ActivityFilters } from '@mih/contracts';
import { ActivitiesService } from '../../activities/activities.service';
import { HubEntity } from '../../hubs/hub.entity';
import type { Actor } from '../../../common/actor';
import { ACTIVITY_TYPE_LABELS } from '../export-labels';
import { LIST_SEPARATOR } from '../export-text';
import { dateText, DatasetExport, ExportColumn, HUB_COLUMNS, selectHub } from './export-dataset';

const GROUPS = [
  ['girls', 'girls'],
  ['boys', 'boys'],
  ['women', 'women'],
  ['men', 'men'],
  ['otherParticipants', 'other'],
] as const;

@Injectable()
export class ActivitiesExport implements DatasetExport<ActivityFilters> {
  constructor(private readonly activities: ActivitiesService) {}

  query(actor: Actor, filters: ActivityFilters) {
    const qb = this.activities
      .filtered(actor, filters)
      .innerJoin(HubEntity, 'hub', 'hub.id = activity.hub_id')
      .select(dateText('activity.occurred_on'), 'occurred_on');
    return selectHub(qb)
      .addSelect(['activity.type AS type', 'activity.place AS place', 'activity.community AS community'])
      .addSelect(GROUPS.map(([, column]) => `activity.${column} AS ${column}`))
      .addSelect('activity.topics', 'topics')
      .addSelect('ARRAY(SELECT u.display_name FROM users u WHERE u.id = ANY(activity.counselor_ids) ORDER BY u.display_name)', 'counselor_names')
      .addSelect(['activity.campaign AS campaign', 'activity.materials AS materials'])
      .orderBy('activity.occurred_on', 'ASC')
      .addOrderBy('activity.id', 'ASC');
  }

  columns(): ExportColumn[] {
    return [
      { key: 'occurredOn', type: 'date', value: (row) => row.occurred_on, width: 12 },
      ...HUB_COLUMNS,
      { key: 'activityType', value: (row, text) => text.of(ACTIVITY_TYPE_LABELS, row.type), width: 20 },
      { key: 'place', value: (row) => row.place, width: 24 },
      { key: 'community', value: (row) => row.community, width: 20 },
      ...GROUPS.map(([key, column]): ExportColumn => ({ key, type: 'number', value: (row) => row[column], width: 10 })),
      { key: 'participants', type: 'number', value: (row) => GROUPS.reduce((sum, [, column]) => sum + Number(row[column]), 0), width: 12 },
      { key: 'topics', value: (row, text) => text.refs('topics', row.topics), width: 40 },
      { key: 'counselors', value: (row) => (row.counselor_names as string[]).join(LIST_SEPARATOR), width: 28 },
      { key: 'campaign', value: (row) => row.campaign, width: 20 },
      { key: 'materials', value: (row) => row.materials, width: 20 },
    ];
  }
}
