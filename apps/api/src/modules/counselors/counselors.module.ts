import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { CounselorsController } from './counselors.controller';
import { CounselorsService } from './counselors.service';

@Module({ imports: [UsersModule], controllers: [CounselorsController], providers: [CounselorsService] })
export class CounselorsModule {}
