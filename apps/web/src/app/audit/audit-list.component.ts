// The audit trail (/audit, admins and supervisors): who did what to which record and when, newest
// first, filtered; reveals, exports and failures stand out (an icon and a word, not colour alone).
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEvent,
  type AuditEventFilters,
  type AuditEventListQuery,
  NOTABLE_AUDIT_ACTIONS,
  type User,
} from '@mih/contracts';
import { catchError, debounceTime, filter, map, of, startWith } from 'rxjs';
import { PagedList } from '../core/paged-list';
import { ExportMenuComponent } from '../exports/export-menu.component';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { type IconName, IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
import { UsersService } from '../users/users.service';
import { type AuditFilterValues, auditQuery, RECORD_PATTERN, RECORD_TYPES } from './audit-query';
import { AuditService } from './audit.service';

const PAGE_SIZE = 50;

const NOTABLE_ICONS: Record<(typeof NOTABLE_AUDIT_ACTIONS)[number], IconName> = {
  reveal: 'visibility',
  export: 'download',
  reveal_refused: 'warning',
  login_failed: 'warning',
  token_reuse: 'warning',
  password_refused: 'warning',
};

@Component({
  selector: 'mih-audit-list',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    LocalDatePipe,
    IconComponent,
    ListStatusComponent,
    ExportMenuComponent,
  ],
  templateUrl: './audit-list.component.html',
  styleUrl: './audit-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditListComponent {
  private readonly audit = inject(AuditService);
  protected readonly lang = inject(LanguageService).lang;

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly recordTypes = RECORD_TYPES;
  protected readonly columns = ['occurredAt', 'actor', 'action', 'record', 'hub', 'details'];

  protected readonly filters = inject(NonNullableFormBuilder).group({
    from: '',
    to: '',
    actorId: '',
    action: '' as AuditAction | '',
    entityType: '',
    record: ['', [Validators.pattern(RECORD_PATTERN), Validators.maxLength(60)]],
  });

  protected readonly list = new PagedList<AuditEvent, AuditEventListQuery>((query) => this.audit.list(query), PAGE_SIZE);
  protected readonly items = this.list.items;
  /** The shown filters at the moment of an export (the same names as the list's query). */
  protected readonly exportFilters = (): AuditEventFilters => auditQuery(this.values()) ?? {};

  /** The users of my scope, for the "who" filter. */
  protected readonly users = toSignal(
    inject(UsersService)
      .listAll()
      .pipe(catchError(() => of([] as User[]))),
    { initialValue: [] as User[] },
  );

  private readonly formValues = toSignal(this.filters.valueChanges.pipe(map(() => this.values())), { initialValue: this.values() });
  /** The period ends before it starts: said beside "to", and nothing is asked of the server. */
  protected readonly periodReversed = computed(() => {
    const { from, to } = this.formValues();
    return !!from && !!to && from > to;
  });

  constructor() {
    this.list.follow(
      this.filters.valueChanges.pipe(
        debounceTime(250),
        startWith(null),
        map(() => auditQuery(this.values())),
        filter((query): query is AuditEventFilters => query !== null),
      ),
    );
  }

  protected notableIcon(action: AuditAction): IconName | null {
    return (NOTABLE_ICONS as Partial<Record<AuditAction, IconName>>)[action] ?? null;
  }

  /** The event's details in one line: `reasonCode: referral · rows: 2`. */
  protected detailsOf(event: AuditEvent): string {
    return Object.entries(event.details)
      .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' · ');
  }

  private values(): AuditFilterValues {
    return this.filters.getRawValue();
  }
}
