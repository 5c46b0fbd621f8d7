import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Hub } from '@mih/contracts';
import { errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { CASE_ROLES } from '../core/roles';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe, LocalNumberPipe } from '../i18n/local-date.pipe';
import { IconComponent } from '../shared/icon.component';
import { HubsService } from '../hubs/hubs.service';

@Component({
  selector: 'mih-home',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    LocalDatePipe,
    LocalNumberPipe,
    IconComponent,
  ],
  templateUrl: './home.component.html',
  styleUrl: './home.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeComponent {
  private readonly auth = inject(AuthService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly user = this.auth.user;
  /** Staff, supervisors and admins log visits: the page leads with "New visit" (Alt+N anywhere). */
  protected readonly logsVisits = computed(() => {
    const role = this.auth.role();
    return role !== null && CASE_ROLES.includes(role);
  });
  protected readonly firstName = computed(() => this.user()?.displayName.split(/\s+/)[0] ?? '');

  protected readonly hubs = signal<Hub[]>([]);
  protected readonly loading = signal(true);
  protected readonly errorKey = signal<string | null>(null);

  constructor() {
    inject(HubsService)
      .listAll()
      .subscribe({
        next: (hubs) => {
          this.hubs.set(hubs);
          this.loading.set(false);
        },
        error: (err: unknown) => {
          this.errorKey.set(errorMessageKey(toApiError(err)));
          this.loading.set(false);
        },
      });
  }
}
