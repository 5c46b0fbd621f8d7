// Follow-ups due (/follow-ups): visits whose follow-up date has come, each marked done in one action.
// The list carries no notes; "Show the note" reads the visit itself, a read the API audits.
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ERROR_CODES, type Hub, type VisitListItem } from '@mih/contracts';
import { catchError, of } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { HubsService } from '../hubs/hubs.service';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { VisitsService } from './visits.service';

const PAGE_SIZE = 50;

@Component({
  selector: 'mih-follow-up-list',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoPipe, LocalDatePipe, ReferenceLabelPipe, IconComponent],
  templateUrl: './follow-up-list.component.html',
  styleUrl: './follow-up-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpListComponent {
  private readonly visits = inject(VisitsService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  protected readonly items = signal<VisitListItem[]>([]);
  /** Notes read so far, by visit id. */
  protected readonly notes = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  /** Visits whose "done" is being saved. */
  protected readonly marking = signal<ReadonlySet<string>>(new Set());
  protected readonly errorKey = signal<string | null>(null);

  private readonly hubs = toSignal(
    inject(HubsService)
      .listAll()
      .pipe(catchError(() => of([] as Hub[]))),
    { initialValue: [] as Hub[] },
  );
  protected readonly hubNames = computed(() => new Map(this.hubs().map((hub) => [hub.id, hub.name])));

  constructor() {
    this.load();
  }

  protected load(cursor?: string): void {
    this.loading.set(true);
    this.errorKey.set(null);
    this.visits.list({ followUpDue: true, limit: PAGE_SIZE, cursor }).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.errorKey.set(errorMessageKey(toApiError(err)));
      },
    });
  }

  protected showNote(visit: VisitListItem): void {
    this.errorKey.set(null);
    this.visits.get(visit.id).subscribe({
      next: (read) => this.notes.update((notes) => new Map(notes).set(visit.id, read.note ?? '')),
      error: (err: unknown) => this.errorKey.set(errorMessageKey(toApiError(err))),
    });
  }

  protected markDone(visit: VisitListItem): void {
    if (this.marking().has(visit.id)) return;
    this.setMarking(visit.id, true);
    this.errorKey.set(null);
    this.visits.markFollowUpDone(visit).subscribe({
      next: () => {
        this.setMarking(visit.id, false);
        this.items.update((items) => items.filter((v) => v.id !== visit.id));
        this.snackBar.open(this.transloco.translate('followUps.done'), this.transloco.translate('common.ok'), {
          duration: 4000,
        });
      },
      error: (err: unknown) => {
        const error = toApiError(err);
        this.setMarking(visit.id, false);
        // Someone else changed the visit meanwhile: show the list as it is now.
        if (error.code === ERROR_CODES.staleVersion) {
          this.load();
          this.errorKey.set('followUps.stale');
        } else {
          this.errorKey.set(errorMessageKey(error));
        }
      },
    });
  }

  private setMarking(id: string, on: boolean): void {
    this.marking.update((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
