// The counselor's home: two big actions (record an activity, send a case), their recent cases with
// status, and the way to their lists. Two small requests, readable on a 360 px phone.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Activity, SentCase } from '@mih/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { ActivitiesService } from '../activities/activities.service';
import { CaseStatusComponent } from '../cases/case-status.component';
import { CasesService } from '../cases/cases.service';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe, LocalNumberPipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { OfflineCacheService } from '../offline/offline-cache.service';
import { OutboxItemsComponent } from '../offline/outbox-items.component';
import { OutboxService } from '../offline/outbox.service';

const RECENT = 3;

@Component({
  selector: 'mih-counselor-home',
  imports: [
    RouterLink,
    MatButtonModule,
    TranslocoPipe,
    LocalDatePipe,
    LocalNumberPipe,
    ReferenceLabelPipe,
    IconComponent,
    CaseStatusComponent,
    OutboxItemsComponent,
  ],
  templateUrl: './counselor-home.component.html',
  styleUrl: './counselor-home.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CounselorHomeComponent {
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;
  private readonly user = inject(AuthService).user;
  protected readonly firstName = computed(() => this.user()?.displayName.split(/\s+/)[0] ?? '');

  private readonly casesService = inject(CasesService);
  private readonly activitiesService = inject(ActivitiesService);
  private readonly offlineCache = inject(OfflineCacheService);
  /** Read again when records saved on this device reach the server (they belong here then). */
  private readonly arrivals = toObservable(inject(OutboxService).departed);

  /** null while loading; offline, the last answer kept on this device. */
  protected readonly cases = toSignal(
    this.arrivals.pipe(
      switchMap(() =>
        this.offlineCache
          .remember('home:cases', this.casesService.mine({ limit: RECENT }).pipe(map((page) => page.items)))
          .pipe(catchError(() => of([] as SentCase[]))),
      ),
    ),
    { initialValue: null },
  );
  protected readonly activities = toSignal(
    this.arrivals.pipe(
      switchMap(() =>
        this.offlineCache
          .remember('home:activities', this.activitiesService.list({ limit: RECENT }).pipe(map((page) => page.items)))
          .pipe(catchError(() => of([] as Activity[]))),
      ),
    ),
    { initialValue: null },
  );
}
