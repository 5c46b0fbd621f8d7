// The service-provider directory (/providers): search by need, type and place; editors add and change.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  REGION_COUNTRY_CODES,
  SERVICE_PROVIDER_TYPES,
  type ServiceProvider,
  type ServiceProviderListQuery,
  type ServiceProviderType,
} from '@mih/contracts';
import { debounceTime, map, startWith } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { PagedList } from '../core/paged-list';
import { CountryNamePipe, countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
import { coverageText, mayEditDirectory } from './provider-format';
import { ServiceProvidersService } from './service-providers.service';
import { intlLocales } from '../i18n/intl-locales';

const PAGE_SIZE = 50;

@Component({
  selector: 'mih-provider-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    CountryNamePipe,
    ReferenceLabelPipe,
    IconComponent,
    ListStatusComponent,
  ],
  templateUrl: './provider-list.component.html',
  styleUrl: './provider-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProviderListComponent {
  private readonly providers = inject(ServiceProvidersService);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;
  private readonly role = inject(AuthService).role;
  protected readonly mayEdit = computed(() => mayEditDirectory(this.role()));

  protected readonly types = SERVICE_PROVIDER_TYPES;
  protected readonly columns = ['name', 'needs', 'coverage', 'contact', 'accepting'];
  protected readonly countries = computed(() => {
    const lang = this.lang();
    return [...REGION_COUNTRY_CODES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), intlLocales(lang)));
  });

  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: '',
    needCategory: '',
    type: '' as ServiceProviderType | '',
    countryCode: '',
    municipality: '',
    acceptingReferrals: false,
  });

  protected readonly list = new PagedList<ServiceProvider, ServiceProviderListQuery>((query) => this.providers.list(query), PAGE_SIZE);
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

  protected coverage(provider: ServiceProvider): string {
    return coverageText(provider, this.lang());
  }

  protected open(provider: ServiceProvider): void {
    void this.router.navigate(['/providers', provider.id]);
  }

  private query(): ServiceProviderListQuery {
    const f = this.filters.getRawValue();
    return {
      q: f.q.trim() || undefined,
      needCategory: f.needCategory || undefined,
      type: f.type || undefined,
      countryCode: f.countryCode || undefined,
      // A municipality only narrows a country's coverage.
      municipality: (f.countryCode && f.municipality.trim()) || undefined,
      acceptingReferrals: f.acceptingReferrals || undefined,
    };
  }
}
