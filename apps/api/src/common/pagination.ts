// Keyset pagination: pages are ordered by (sort value, id) and the cursor carries the last row's pair,
// so a deep page costs the same as the first one.
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page, PageQuery } from '@mih/contracts';
import { ValidationFailedException } from './api-exception';

export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;
}

interface KeysetOptions<E> {
  /** SQL expression of the sort column, e.g. `hub.name`. */
  sortExpression: string;
  /** SQL expression of the unique tie-breaker, e.g. `hub.id`. */
  idExpression: string;
  /**
   * The row's sort value as the cursor carries it (dates as ISO strings). Leave it out when the sort
   * expression is computed (a search score): the value is then selected as text alongside the row.
   */
  sortValue?: (row: E) => string;
  idValue: (row: E) => string;
  /** Both keys run the same way: ASC (default) or DESC (newest first). */
  direction?: 'ASC' | 'DESC';
  /** SQL type the cursor's sort value is cast to, e.g. `timestamptz` or `real` (default: untyped). */
  sortType?: 'timestamptz' | 'real' | 'text';
}

/**
 * One page of `qb`, ordered by (sort, id), with the cursor of the next. `fetch` reads the rows (default:
 * the entities); a list that shows only some columns selects them and reads raw rows (give `sortValue`).
 */
export async function paginate<E extends ObjectLiteral, R extends ObjectLiteral = E>(
  qb: SelectQueryBuilder<E>,
  query: PageQuery,
  options: KeysetOptions<R> & { fetch?: (qb: SelectQueryBuilder<E>) => Promise<R[]> },
): Promise<Page<R>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const direction = options.direction ?? 'ASC';
  if (query.cursor) {
    const [sortValue, id] = decodeCursor(query.cursor);
    const cursorSort = options.sortType ? `CAST(:cursorSort AS ${options.sortType})` : ':cursorSort';
    qb.andWhere(`(${options.sortExpression}, ${options.idExpression}) ${direction === 'ASC' ? '>' : '<'} (${cursorSort}, :cursorId)`, {
      cursorSort: sortValue,
      cursorId: id,
    });
  }
  qb.orderBy(options.sortExpression, direction).addOrderBy(options.idExpression, direction).limit(limit + 1);
  let rows: R[];
  let sortValue = options.sortValue;
  if (sortValue) {
    rows = options.fetch ? await options.fetch(qb) : ((await qb.getMany()) as unknown as R[]);
  } else {
    // One row per entity (no to-many joins on paginated queries), so raw rows line up with entities.
    const { entities, raw } = await qb.addSelect(`(${options.sortExpression})::text`, 'page_sort').getRawAndEntities();
    rows = entities as unknown as R[];
    const sortById = new Map(raw.map((r: { page_sort: string }, i: number) => [rows[i] && options.idValue(rows[i]), r.page_sort]));
    sortValue = (row) => sortById.get(options.idValue(row)) as string;
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor([sortValue(last), options.idValue(last)]) : null;
  return { items, nextCursor };
}

function encodeCursor(values: [string, string]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === 2 &&
      typeof values[0] === 'string' &&
      typeof values[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(values[1])
    ) {
      return [values[0], values[1]];
    }
  } catch {
    // fall through to the validation error
  }
  throw ValidationFailedException.forField('cursor', 'isCursor', 'cursor is not a value this API returned');
}
