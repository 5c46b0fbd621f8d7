// The hub's inbox (/inbox): cases identified by counselors, oldest first, each with its response timer
// (red once it waited past the configured hours without anyone taking it).
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Case, CaseListQuery, Hub } from '@mih/contracts';
import { catchError, map, of, startWith } from 'rxjs';
import { PagedList } from '../core/paged-list';
import { HubsService } from '../hubs/hubs.service';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
import { CaseStatusComponent } from './case-status.component';
import { CaseTimerComponent } from './case-timer.component';
import { CasesService } from './cases.service';
import { OutboxItemsComponent } from '../offline/outbox-items.component';
import { OutboxService } from '../offline/outbox.service';

const PAGE_SIZE = 50;

@Component({
  selector: 'mih-inbox',
  imports: [
    OutboxItemsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslocoPipe,
    CountryNamePipe,
    LocalDatePipe,
    ReferenceLabelPipe,
    IconComponent,
    ListStatusComponent,
    CaseStatusComponent,
    CaseTimerComponent,
  ],
  templateUrl: './inbox.component.html',
  styleUrl: './inbox.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxComponent {
  private readonly cases = inject(CasesService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  protected readonly filters = inject(NonNullableFormBuilder).group({ hubId: '' });
  protected readonly hubs = toSignal(inject(HubsService).listAll().pipe(catchError(() => of([] as Hub[]))), { initialValue: [] as Hub[] });
  protected readonly hubNames = computed(() => new Map(this.hubs().map((hub) => [hub.id, hub.name])));

  protected readonly list = new PagedList<Case, Omit<CaseListQuery, 'inbox'>>((query) => this.cases.inbox(query), PAGE_SIZE);
  protected readonly items = this.list.items;
  protected readonly overdueCount = computed(() => this.items().filter((c) => c.overdue).length);

  constructor() {
    this.list.follow(
      this.filters.valueChanges.pipe(
        startWith(null),
        map(() => ({ hubId: this.filters.controls.hubId.value || undefined })),
      ),
      toObservable(inject(OutboxService).departed),
    );
  }
}
