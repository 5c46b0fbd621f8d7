// The counselor roster (/counselors) for admins and supervisors: who volunteers at which hub, their
// community, languages and training, active or not.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Counselor, CounselorListQuery, Hub } from '@mih/contracts';
import { catchError, debounceTime, map, of, startWith } from 'rxjs';
import { PagedList } from '../core/paged-list';
import { HubsService } from '../hubs/hubs.service';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
import { CounselorsService } from './counselors.service';

const PAGE_SIZE = 50;

@Component({
  selector: 'mih-counselor-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    LocalDatePipe,
    IconComponent,
    ListStatusComponent,
  ],
  templateUrl: './counselor-list.component.html',
  styles: `
    .page-header a mih-icon {
      margin-right: 6px;
    }
    .roster {
      width: 100%;
      border-collapse: collapse;
    }
    .roster th,
    .roster td {
      padding: 10px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
      vertical-align: top;
      font: var(--mat-sys-body-medium);
    }
    .roster th {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .roster .status-badge {
      margin-left: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CounselorListComponent {
  private readonly counselors = inject(CounselorsService);
  protected readonly lang = inject(LanguageService).lang;

  protected readonly filters = inject(NonNullableFormBuilder).group({ q: '', hubId: '', active: 'true' });
  protected readonly hubs = toSignal(inject(HubsService).listAll().pipe(catchError(() => of([] as Hub[]))), { initialValue: [] as Hub[] });
  protected readonly hubNames = computed(() => new Map(this.hubs().map((hub) => [hub.id, hub.name])));

  protected readonly list = new PagedList<Counselor, CounselorListQuery>((query) => this.counselors.list(query), PAGE_SIZE);
  protected readonly items = this.list.items;

  constructor() {
    this.list.follow(
      this.filters.valueChanges.pipe(
        debounceTime(250),
        startWith(null),
        map(() => {
          const f = this.filters.getRawValue();
          return { q: f.q.trim() || undefined, hubId: f.hubId || undefined, active: f.active === '' ? undefined : f.active === 'true' };
        }),
      ),
    );
  }

  protected hubsOf(counselor: Counselor): string {
    return counselor.hubIds.map((id) => this.hubNames().get(id) ?? '').filter(Boolean).join(', ');
  }
}
