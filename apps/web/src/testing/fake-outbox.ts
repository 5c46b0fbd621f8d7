// A stand-in for the outbox in component specs: "sending" calls the given function, and the answer is
// turned into an outcome the way the real outbox does with a link up (answered: synced; no answer:
// kept pending; refused: back to the form). The outbox's own behaviour is specified in offline/.
import { signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';
import { isNoAnswer, toApiError } from '../app/core/api-error';
import type { OutboxItem, OutboxRequest, SaveOutcome } from '../app/offline/outbox.service';

export function fakeOutbox(send: (request: OutboxRequest) => Observable<unknown>) {
  return {
    items: signal<OutboxItem[]>([]),
    item: jest.fn(async (): Promise<OutboxItem | null> => null),
    save: jest.fn(async (request: OutboxRequest): Promise<SaveOutcome<unknown>> => {
      try {
        return { status: 'synced', record: await firstValueFrom(send(request)) };
      } catch (err) {
        const error = toApiError(err);
        return isNoAnswer(error) ? { status: 'pending' } : { status: 'refused', error };
      }
    }),
  };
}
