import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldError, Language, REFERENCE_LIST_NAMES, ReferenceListName, ReferenceLists } from '@mih/contracts';
import { ValidationFailedException } from '../../common/api-exception';
import { ReferenceItemEntity } from './reference-item.entity';

/** One field of a request whose values must be active codes of a reference list. */
export interface CodeCheck {
  list: ReferenceListName;
  codes: readonly string[] | undefined;
  /** The request field to name in the 400, e.g. `needs`. */
  field: string;
}

/** How long the active codes are kept in memory: a code added or retired takes at most this long to count. */
const CODES_TTL_MS = 60_000;

@Injectable()
export class ReferenceListsService {
  private codes: { loadedAt: number; byList: Promise<Map<string, Set<string>>> } | null = null;

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

  /** 400 naming every field that holds a code its list does not have (or has retired). */
  async assertCodes(...checks: CodeCheck[]): Promise<void> {
    const pending = checks.filter((check) => check.codes && check.codes.length > 0);
    if (pending.length === 0) return;
    const byList = await this.activeCodes();
    const errors: FieldError[] = [];
    for (const { list, codes, field } of pending) {
      const known = byList.get(list) ?? new Set<string>();
      const unknown = (codes ?? []).filter((code) => !known.has(code));
      if (unknown.length > 0) {
        errors.push({ field, constraints: ['isReferenceCode'], message: `${field} has codes that are not in the ${list} list: ${unknown.join(', ')}` });
      }
    }
    if (errors.length > 0) throw new ValidationFailedException(errors);
  }

  private activeCodes(): Promise<Map<string, Set<string>>> {
    if (!this.codes || Date.now() - this.codes.loadedAt > CODES_TTL_MS) {
      const byList = this.loadActiveCodes();
      this.codes = { loadedAt: Date.now(), byList };
      byList.catch(() => (this.codes = null)); // retry on the next call
    }
    return this.codes.byList;
  }

  private async loadActiveCodes(): Promise<Map<string, Set<string>>> {
    const rows: { list: string; code: string }[] = await this.dataSource.query('SELECT list, code FROM reference_items WHERE active');
    const byList = new Map<string, Set<string>>();
    for (const { list, code } of rows) {
      if (!byList.has(list)) byList.set(list, new Set());
      byList.get(list)?.add(code);
    }
    return byList;
  }
}
