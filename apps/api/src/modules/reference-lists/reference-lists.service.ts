import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Language, REFERENCE_LIST_NAMES, ReferenceLists } from '@mih/contracts';
import { ReferenceItemEntity } from './reference-item.entity';

@Injectable()
export class ReferenceListsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(language: Language): Promise<ReferenceLists> {
    const items = await this.dataSource.getRepository(ReferenceItemEntity).find({
      where: { active: true },
      order: { list: 'ASC', sortOrder: 'ASC' },
    });
    const lists = Object.fromEntries(REFERENCE_LIST_NAMES.map((name) => [name, []])) as unknown as ReferenceLists;
    for (const item of items) {
      lists[item.list as keyof ReferenceLists]?.push({ code: item.code, label: item.labels[language] ?? item.labels.es });
    }
    return lists;
  }
}
