// Visits of my hubs (/visits), newest first, with filters; "load more" follows the cursor.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Channel, Hub, Profile, User, VisitListItem, VisitListQuery } from '@mih/contracts';
import {
  catchError,
  debounceTime,
  map,
  of,
  startWith,
} from 'rxjs';
import { startOfLocalDay } from '../core/local-day';
import { PagedList } from '../core/paged-list';
import { ExportMenuComponent } from '../exports/export-menu.component';
import { HubsService } from '../hubs/hubs.service';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
import { UsersService } from '../users/users.service';
import { VisitsService } from './visits.service';
import { OutboxItemsComponent } from '../offline/outbox-items.component';
import { OutboxService } from '../offline/outbox.service';

const PAGE_SIZE = 50;

@Component({
  selector: 'mih-visit-list',
  imports: [
    OutboxItemsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    LocalDatePipe,
    ReferenceLabelPipe,
    IconComponent,
    ListStatusComponent,
    ExportMenuComponent,
  ],
  templateUrl: './visit-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitListComponent {
  private readonly visits = inject(VisitsService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  protected readonly columns = ['occurredAt', 'person', 'profile', 'topics', 'channel', 'hub', 'staff'];
  protected readonly filters = inject(NonNullableFormBuilder).group({
    from: '',
    to: '',
    hubId: '',
    channel: '' as Channel | '',
    profile: '' as Profile | '',
    topic: '',
    staffId: '',
    followUpDue: false,
  });

  protected readonly list = new PagedList<VisitListItem, VisitListQuery>((query) => this.visits.list(query), PAGE_SIZE);
  /** The list's filters at the moment of an export. */
  protected readonly exportFilters = () => this.query();
  protected readonly items = this.list.items;

  protected readonly hubs = toSignal(
    inject(HubsService)
      .listAll()
      .pipe(catchError(() => of([] as Hub[]))),
    { initialValue: [] as Hub[] },
  );
  protected readonly hubNames = computed(() => new Map(this.hubs().map((hub) => [hub.id, hub.name])));
  /** The people who log visits in my scope (the staff filter, and names in the table). */
  protected readonly staff = toSignal(
    inject(UsersService)
      .listAll()
      .pipe(catchError(() => of([] as User[]))),
    { initialValue: [] as User[] },
  );
  protected readonly staffNames = computed(() => new Map(this.staff().map((user) => [user.id, user.displayName])));

  constructor() {
    this.list.follow(
      this.filters.valueChanges.pipe(
        debounceTime(250),
        startWith(null),
        map(() => this.query()),
      ),
      toObservable(inject(OutboxService).departed),
    );
  }

  /** Dates are whole local days: "to" includes the day it names. */
  private query(): VisitListQuery {
    const f = this.filters.getRawValue();
    return {
      from: f.from ? startOfLocalDay(f.from) : undefined,
      to: f.to ? startOfLocalDay(f.to, 1) : undefined,
      hubId: f.hubId || undefined,
      channel: f.channel || undefined,
      profile: f.profile || undefined,
      topic: f.topic || undefined,
      staffId: f.staffId || undefined,
      followUpDue: f.followUpDue || undefined,
    };
  }
}
