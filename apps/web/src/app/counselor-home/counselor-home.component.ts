// The counselor's home: two big actions (record an activity, send a case), their recent cases with
// status, and the way to their lists. Two small requests, readable on a 360 px phone.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Activity, SentCase } from '@mih/contracts';
import { catchError, map, of } from 'rxjs';
import { ActivitiesService } from '../activities/activities.service';
import { CaseStatusComponent } from '../cases/case-status.component';
import { CasesService } from '../cases/cases.service';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe, LocalNumberPipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';

const RECENT = 3;

@Component({
  selector: 'mih-counselor-home',
  imports: [RouterLink, MatButtonModule, TranslocoPipe, LocalDatePipe, LocalNumberPipe, ReferenceLabelPipe, IconComponent, CaseStatusComponent],
  templateUrl: './counselor-home.component.html',
  styleUrl: './counselor-home.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CounselorHomeComponent {
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;
  private readonly user = inject(AuthService).user;
  protected readonly firstName = computed(() => this.user()?.displayName.split(/\s+/)[0] ?? '');

  /** null while loading. */
  protected readonly cases = toSignal(
    inject(CasesService)
      .mine({ limit: RECENT })
      .pipe(
        map((page) => page.items),
        catchError(() => of([] as SentCase[])),
      ),
    { initialValue: null },
  );
  protected readonly activities = toSignal(
    inject(ActivitiesService)
      .list({ limit: RECENT })
      .pipe(
        map((page) => page.items),
        catchError(() => of([] as Activity[])),
      ),
    { initialValue: null },
  );
}
