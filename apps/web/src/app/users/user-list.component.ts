import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Hub, type Page, type Role, ROLES, type User, type UserListQuery } from '@mih/contracts';
import {
  EMPTY,
  type MonoTypeOperatorFunction,
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  startWith,
  switchMap,
  tap,
} from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { HubsService } from '../hubs/hubs.service';
import { countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { IconComponent } from '../shared/icon.component';
import { UsersService } from './users.service';

const PAGE_SIZE = 50;

@Component({
  selector: 'mih-user-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MatProgressBarModule,
    TranslocoPipe,
    IconComponent,
  ],
  templateUrl: './user-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserListComponent {
  private readonly users = inject(UsersService);
  private readonly router = inject(Router);
  private readonly lang = inject(LanguageService).lang;

  protected readonly roles = ROLES;
  protected readonly columns = ['name', 'role', 'hubs', 'active'];

  protected readonly filters = inject(NonNullableFormBuilder).group({
    role: '' as Role | '',
    active: '' as 'true' | 'false' | '',
    q: '',
  });

  protected readonly items = signal<User[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly errorKey = signal<string | null>(null);

  private readonly allHubs = toSignal(
    inject(HubsService)
      .listAll()
      .pipe(catchError(() => of([] as Hub[]))),
    { initialValue: [] as Hub[] },
  );
  private readonly hubNames = computed(() => new Map(this.allHubs().map((h) => [h.id, h.name])));

  constructor() {
    this.filters.valueChanges
      .pipe(
        debounceTime(250),
        startWith(null),
        map(() => this.query()),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap(() => this.loading.set(true)),
        switchMap((query) => this.users.list({ ...query, limit: PAGE_SIZE }).pipe(this.handleErrors())),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.items.set(page.items);
        this.nextCursor.set(page.nextCursor);
      });
  }

  /** Where the user works: hub names, then whole countries (supervisors). */
  protected scopeOf(user: User): string {
    const names = this.hubNames();
    const lang = this.lang();
    return [...user.hubIds.map((id) => names.get(id) ?? '…'), ...user.countryCodes.map((c) => countryName(c, lang))].join(
      ', ',
    );
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loading()) return;
    this.loading.set(true);
    this.users
      .list({ ...this.query(), limit: PAGE_SIZE, cursor })
      .pipe(this.handleErrors())
      .subscribe((page) => {
        this.items.update((items) => [...items, ...page.items]);
        this.nextCursor.set(page.nextCursor);
      });
  }

  protected open(user: User): void {
    void this.router.navigate(['/admin/users', user.id]);
  }

  private query(): UserListQuery {
    const { role, active, q } = this.filters.getRawValue();
    return {
      role: role || undefined,
      active: active === '' ? undefined : active === 'true',
      q: q.trim() || undefined,
    };
  }

  private handleErrors(): MonoTypeOperatorFunction<Page<User>> {
    return (source) =>
      source.pipe(
        tap(() => {
          this.errorKey.set(null);
          this.loading.set(false);
        }),
        catchError((err: unknown) => {
          this.errorKey.set(errorMessageKey(toApiError(err)));
          this.loading.set(false);
          return EMPTY;
        }),
      );
  }
}
