// What the offline specs need besides the screens: the API as a witness (what the server really holds),
// the records the browser sent, and the browser's own outbox database.
import { type APIRequestContext, expect, type Page, type Request } from '@playwright/test';
import { DEMO_PASSWORD } from './app.page';

export class Api {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async as(request: APIRequestContext, email: string): Promise<Api> {
    const response = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
    expect(response.status()).toBe(200);
    return new Api(request, (await response.json()).accessToken);
  }

  async get<T>(path: string, status = 200): Promise<T> {
    const response = await this.request.get(path, { headers: { authorization: `Bearer ${this.token}` } });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
    return response.json();
  }

  async post<T>(path: string, data: unknown, status: number): Promise<T> {
    const response = await this.request.post(path, { data, headers: { authorization: `Bearer ${this.token}` } });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
    return response.json();
  }

  /** Every visit of the caller's scope logged since `from`, whatever the page size. */
  async visitsSince(from: Date): Promise<{ id: string }[]> {
    const items: { id: string }[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ from: from.toISOString(), limit: '100', ...(cursor ? { cursor } : {}) });
      const page: { items: { id: string }[]; nextCursor: string | null } = await this.get(`/api/visits?${query}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}

/** The creates a page sent, by path: each entry is the client id of one attempt. */
export class SentCreates {
  readonly attempts = new Map<string, string[]>();

  constructor(...pages: Page[]) {
    for (const page of pages) page.on('request', (request) => this.record(request));
  }

  ids(path: string): string[] {
    return this.attempts.get(path) ?? [];
  }

  private record(request: Request): void {
    if (request.method() !== 'POST') return;
    const path = new URL(request.url()).pathname;
    if (!/^\/api\/(visits|activities|cases|persons)$/.test(path)) return;
    const id = (request.postDataJSON() as { id?: string } | null)?.id;
    if (id) this.attempts.set(path, [...this.ids(path), id]);
  }
}

/** The outbox rows in this browser's IndexedDB (all users): only their owner and state, never bodies. */
export async function outboxRows(page: Page): Promise<{ userId: string; kind: string; status: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('mih-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('outbox')) return resolve([]);
          const all = db.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => {
            resolve(all.result.map((row: { userId: string; kind: string; status: string }) => ({ userId: row.userId, kind: row.kind, status: row.status })));
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** The toolbar's sync status (a link to /outbox). */
export function syncStatus(page: Page) {
  return page.getByRole('link', { name: /Estado del envío|Sync status/ });
}
