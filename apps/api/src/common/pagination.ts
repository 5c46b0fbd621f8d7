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
  sortValue: (row: E) => string;
  idValue: (row: E) => string;
}

export async function paginate<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  query: PageQuery,
  options: KeysetOptions<E>,
): Promise<Page<E>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (query.cursor) {
    const [sortValue, id] = decodeCursor(query.cursor);
    qb.andWhere(`(${options.sortExpression}, ${options.idExpression}) > (:cursorSort, :cursorId)`, {
      cursorSort: sortValue,
      cursorId: id,
    });
  }
  const rows = await qb
    .orderBy(options.sortExpression, 'ASC')
    .addOrderBy(options.idExpression, 'ASC')
    .limit(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor([options.sortValue(last), options.idValue(last)]) : null;
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
