import { IsBoolean, IsOptional } from 'class-validator';
import type { NotificationListQuery } from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { QueryBoolean } from '../../../common/validators';

export class NotificationListQueryDto extends PageQueryDto implements NotificationListQuery {
  @QueryBoolean() @IsOptional() @IsBoolean() unread?: boolean;
}
