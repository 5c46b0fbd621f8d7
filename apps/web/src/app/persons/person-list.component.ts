// Persons of my scope (/persons): search by name, code or document number (typos tolerated), filters.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  type Hub,
  type Person,
  type PersonListQuery,
  PERSON_SEARCH_MIN_LENGTH,
  type Profile,
  type Sex,
} from '@mih/contracts';
import {
  catchError,
  debounceTime,
  filter,
  map,
  of,
  startWith,
} from 'rxjs';
import { PagedList } from '../core/paged-list';
import { ExportMenuComponent } from '../exports/export-menu.component';
import { HubsService } from '../hubs/hubs.service';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
import { PersonCreateDialogComponent } from './person-create-dialog.component';
import { ageBandOf, personName } from './person-format';
import { isPendingPerson } from './person-form';
import { PersonsService } from './persons.service';
import { OutboxItemsComponent } from '../offline/outbox-items.component';
import { OutboxService } from '../offline/outbox.service';

const PAGE_SIZE = 50;

@Component({
  selector: 'mih-person-list',
  imports: [
    OutboxItemsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    CountryNamePipe,
    ReferenceLabelPipe,
    IconComponent,
    ListStatusComponent,
    ExportMenuComponent,
  ],
  templateUrl: './person-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonListComponent {
  private readonly persons = inject(PersonsService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  protected readonly columns = ['code', 'sex', 'age', 'nationality', 'profile', 'hub'];
  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: '',
    hubId: '',
    profile: '' as Profile | '',
    sex: '' as Sex | '',
  });

  protected readonly list = new PagedList<Person, PersonListQuery>((query) => this.persons.list(query), PAGE_SIZE);
  /** The filters at the moment of an export; the search (names) stays out of files and URLs. */
  protected readonly exportFilters = () => {
    const { hubId, profile, sex } = this.query();
    return { hubId, profile, sex };
  };
  protected readonly items = this.list.items;

  protected readonly hubs = toSignal(
    inject(HubsService)
      .listAll()
      .pipe(catchError(() => of([] as Hub[]))),
    { initialValue: [] as Hub[] },
  );
  protected readonly hubNames = computed(() => new Map(this.hubs().map((hub) => [hub.id, hub.name])));

  constructor() {
    this.list.follow(
      this.filters.valueChanges.pipe(
        debounceTime(250),
        startWith(null),
        map(() => this.query()),
        // One letter is not a search: wait for the second.
        filter((query) => query.q === undefined || query.q.length >= PERSON_SEARCH_MIN_LENGTH),
      ),
      toObservable(inject(OutboxService).departed),
    );
  }

  protected nameOf(person: Person): string {
    return personName(person);
  }

  protected ageBand(person: Person): string | null {
    return ageBandOf(person);
  }

  protected open(person: Person): void {
    void this.router.navigate(['/persons', person.id]);
  }

  protected create(): void {
    this.dialog
      .open(PersonCreateDialogComponent, { width: '640px', maxWidth: 'calc(100vw - 24px)', autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(filter((person): person is Person => !!person && !isPendingPerson(person)))
      .subscribe((person) => this.open(person));
  }

  private query(): PersonListQuery {
    const { q, hubId, profile, sex } = this.filters.getRawValue();
    return { q: q.trim() || undefined, hubId: hubId || undefined, profile: profile || undefined, sex: sex || undefined };
  }
}
