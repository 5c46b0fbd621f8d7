import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Hub, type Role, ROLES, type User, type UserListQuery } from '@mih/contracts';
import {
  catchError,
  debounceTime,
  map,
  of,
  startWith,
} from 'rxjs';
import { PagedList } from '../core/paged-list';
import { HubsService } from '../hubs/hubs.service';
import { countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
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
    TranslocoPipe,
    IconComponent,
    ListStatusComponent,
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

  protected readonly list = new PagedList<User, UserListQuery>((query) => this.users.list(query), PAGE_SIZE);
  protected readonly items = this.list.items;

  private readonly allHubs = toSignal(
    inject(HubsService)
      .listAll()
      .pipe(catchError(() => of([] as Hub[]))),
    { initialValue: [] as Hub[] },
  );
  private readonly hubNames = computed(() => new Map(this.allHubs().map((h) => [h.id, h.name])));

  constructor() {
    this.list.follow(
      this.filters.valueChanges.pipe(
        debounceTime(250),
        startWith(null),
        map(() => this.query()),
      ),
    );
  }

  /** Where the user works: hub names, then whole countries (supervisors). */
  protected scopeOf(user: User): string {
    const names = this.hubNames();
    const lang = this.lang();
    return [...user.hubIds.map((id) => names.get(id) ?? '…'), ...user.countryCodes.map((c) => countryName(c, lang))].join(
      ', ',
    );
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
}
