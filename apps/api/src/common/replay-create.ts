import { ConflictException } from './api-exception';

/**
 * The answer to a create sent again with the same client-generated id (offline clients retry): the
 * stored record when the caller may see it and its content is the same; 409 naming `id` when the id is
 * taken otherwise; null when the id is new. Whether the id exists is asked first: asked after the scoped
 * read, a concurrent create committing between the two reads would look like someone else's record and
 * answer 409 instead of the replay.
 */
export async function replayCreate<E, R>(options: {
  exists: () => Promise<boolean>;
  findInScope: () => Promise<E | null>;
  sameContent: (existing: E) => boolean;
  represent: (existing: E) => R | Promise<R>;
}): Promise<R | null> {
  if (!(await options.exists())) return null;
  const existing = await options.findInScope();
  if (existing && options.sameContent(existing)) return options.represent(existing);
  throw new ConflictException('A record with this id exists with other content', 'id');
}
