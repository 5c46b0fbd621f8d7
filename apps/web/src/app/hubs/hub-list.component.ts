import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Hub, type HubListQuery, type HubStatus, HUB_STATUSES, REGION_COUNTRY_CODES } from '@mih/contracts';
import {
  catchError,
  debounceTime,
  map,
  startWith,
} from 'rxjs';
import { PagedList } from '../core/paged-list';
import { CountryNamePipe, countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
import { HubsService } from './hubs.service';
import { intlLocales } from '../i18n/intl-locales';

const PAGE_SIZE = 50;

@Component({
  selector: 'mih-hub-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    CountryNamePipe,
    LocalDatePipe,
    IconComponent,
    ListStatusComponent,
  ],
  templateUrl: './hub-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HubListComponent {
  private readonly hubs = inject(HubsService);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).lang;

  protected readonly statuses = HUB_STATUSES;
  protected readonly columns = ['name', 'location', 'country', 'openedOn', 'status'];
  protected readonly countries = computed(() => {
    const lang = this.lang();
    return [...REGION_COUNTRY_CODES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), intlLocales(lang)));
  });

  protected readonly filters = inject(NonNullableFormBuilder).group({
    countryCode: '',
    status: '' as HubStatus | '',
    q: '',
  });

  protected readonly list = new PagedList<Hub, HubListQuery>((query) => this.hubs.list(query), PAGE_SIZE);
  protected readonly items = this.list.items;

  constructor() {
    this.list.follow(
      this.filters.valueChanges.pipe(
        debounceTime(250),
        startWith(null),
        map(() => this.query()),
      ),
    );
  }

  protected open(hub: Hub): void {
    void this.router.navigate(['/admin/hubs', hub.id]);
  }

  private query(): HubListQuery {
    const { countryCode, status, q } = this.filters.getRawValue();
    return { countryCode: countryCode || undefined, status: status || undefined, q: q.trim() || undefined };
  }
}
