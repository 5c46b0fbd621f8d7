// Finds a person by name, code or document number as you type (accents and typos tolerated) and
// offers "new person" at the end of the list; used to link a visit and to pick a duplicate.
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Person, PERSON_SEARCH_MIN_LENGTH } from '@mih/contracts';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { errorMessageKey, isNoAnswer, toApiError } from '../core/api-error';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { ageBandOf, personName } from './person-format';
import { PersonsService } from './persons.service';

export const SEARCH_DEBOUNCE_MS = 250;
/** The option that asks for a new person instead of an existing one. */
const CREATE = 'create-person';

@Component({
  selector: 'mih-person-search',
  imports: [
    MatFormFieldModule,
    MatInputModule,
    MatAutocompleteModule,
    TranslocoPipe,
    CountryNamePipe,
    ReferenceLabelPipe,
    IconComponent,
  ],
  template: `
    <mat-form-field class="field">
      <mat-label>{{ label() }}</mat-label>
      <input
        #text
        matInput
        type="search"
        [matAutocomplete]="auto"
        (input)="onInput(text.value)"
        (keydown.enter)="$event.preventDefault()"
        autocomplete="off"
        spellcheck="false"
      />
      <mih-icon matSuffix name="search" class="muted" />
      <mat-hint>{{ 'persons.search.hint' | transloco }}</mat-hint>
    </mat-form-field>
    <mat-autocomplete
      #auto="matAutocomplete"
      [autoActiveFirstOption]="true"
      [displayWith]="blank"
      (optionSelected)="choose($event.option.value, text)">
      @for (person of results(); track person.id) {
        <mat-option [value]="person" class="person-option">
          <span class="person-line">
            <strong>{{ person.code }}</strong>
            @if (nameOf(person); as name) {
              <span>{{ name }}</span>
            }
          </span>
          <span class="person-meta">
            {{ person.sex | refLabel: lists().sexes }} · {{ ageBand(person) | refLabel: lists().ageBands }} ·
            {{ person.nationality | countryName: lang() }}
          </span>
        </mat-option>
      }
      @if (failedKey(); as key) {
        <mat-option disabled>{{ key | transloco }}</mat-option>
      } @else if (noMatches()) {
        <mat-option disabled>{{ 'persons.search.none' | transloco }}</mat-option>
      }
      @if (offerCreate() && canSearch()) {
        <mat-option [value]="create" class="create-option">
          <mih-icon name="personAdd" />
          {{ 'persons.new' | transloco }}
        </mat-option>
      }
    </mat-autocomplete>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .field {
      width: 100%;
    }
    .person-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .person-meta {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .create-option mih-icon {
      margin-right: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonSearchComponent {
  private readonly persons = inject(PersonsService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  readonly label = input.required<string>();
  /** A person never offered (the record being merged into). */
  readonly excludeId = input<string>();
  /** Whether to end the list with "New person". */
  readonly offerCreate = input(false);

  /** A person was chosen; the box empties. */
  readonly picked = output<Person>();
  /** "New person" was chosen; carries what had been typed. */
  readonly createRequested = output<string>();

  protected readonly create = CREATE;
  /** A choice empties the box instead of writing the option into it. */
  protected readonly blank = () => '';
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('text');
  private readonly query = signal('');
  private readonly typed = new Subject<string>();
  private readonly found = signal<Person[] | null>(null);
  /** Why the last search has no answer (no link: "needs a connection"), instead of "nobody matches". */
  protected readonly failedKey = signal<string | null>(null);

  protected readonly canSearch = computed(() => this.query().trim().length >= PERSON_SEARCH_MIN_LENGTH);
  protected readonly results = computed(() => (this.found() ?? []).filter((p) => p.id !== this.excludeId()));
  protected readonly noMatches = computed(() => this.canSearch() && this.found() !== null && this.results().length === 0);

  constructor() {
    this.typed
      .pipe(
        map((q) => q.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap(() => {
          this.found.set(null);
          this.failedKey.set(null);
        }),
        switchMap((q) =>
          this.persons.search(q).pipe(
            catchError((err: unknown) => {
              const error = toApiError(err);
              this.failedKey.set(isNoAnswer(error) ? 'persons.search.needsConnection' : errorMessageKey(error));
              return of([] as Person[]);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((people) => this.found.set(this.canSearch() ? people : null));
  }

  focus(): void {
    this.box().nativeElement.focus();
  }

  protected onInput(value: string): void {
    this.query.set(value);
    this.typed.next(value);
  }

  protected nameOf(person: Person): string {
    return personName(person);
  }

  protected ageBand(person: Person): string | null {
    return ageBandOf(person);
  }

  protected choose(value: Person | typeof CREATE, text: HTMLInputElement): void {
    const query = this.query();
    text.value = '';
    this.query.set('');
    this.typed.next('');
    if (value === CREATE) {
      this.createRequested.emit(query.trim());
    } else {
      this.picked.emit(value);
    }
  }
}
