// "Export" on a list or the dashboard: CSV or Excel of what the page shows (its current filters), and
// for admins and supervisors on persons and referrals the identifying export, which asks for a reason.
// Staff and counselors are told that their row-level file is coarsened (README, Exports).
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { COARSENED_EXPORT_ROLES, type ExportFormat, IDENTIFYING_EXPORT_DATASETS, IDENTIFYING_EXPORT_ROLES, type IdentifyingExportDataset } from '@mih/contracts';
import { errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { IconComponent } from '../shared/icon.component';
import { type ExportFilters, ExportsService, type ExportTarget } from './exports.service';
import { IdentifyingExportDialogComponent, type IdentifyingExportData } from './identifying-export-dialog.component';

let nextId = 0;

@Component({
  selector: 'mih-export-menu',
  imports: [MatButtonModule, MatMenuModule, MatDividerModule, TranslocoPipe, IconComponent],
  template: `
    <button mat-stroked-button type="button" class="export-button" [matMenuTriggerFor]="menu" [disabled]="busy() || disabled()" [attr.aria-busy]="busy()">
      <mih-icon name="download" />
      {{ (busy() ? 'exports.preparing' : 'exports.button') | transloco }}
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      @if (coarsened()) {
        <div class="coarsened-note" [id]="noteId">{{ 'exports.coarsened' | transloco }}</div>
      }
      <button mat-menu-item type="button" [attr.aria-describedby]="coarsened() ? noteId : null" (click)="download('csv')">{{ 'exports.csv' | transloco }}</button>
      <button mat-menu-item type="button" [attr.aria-describedby]="coarsened() ? noteId : null" (click)="download('xlsx')">{{ 'exports.xlsx' | transloco }}</button>
      @if (identifyingDataset(); as dataset) {
        <mat-divider />
        <button mat-menu-item type="button" (click)="identifying(dataset, 'csv')">{{ 'exports.identifyingCsv' | transloco }}</button>
        <button mat-menu-item type="button" (click)="identifying(dataset, 'xlsx')">{{ 'exports.identifyingXlsx' | transloco }}</button>
      }
    </mat-menu>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    .coarsened-note {
      max-width: 280px;
      margin: 4px 16px 8px;
      font-size: 0.85rem;
      color: var(--mih-muted, #555);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportMenuComponent {
  private readonly exports = inject(ExportsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly role = inject(AuthService).role;

  readonly target = input.required<ExportTarget>();
  /** The page's filters at the moment of the click, in the names of its list query. */
  readonly filters = input.required<() => ExportFilters>();
  /** While the page has nothing to export yet (e.g. an incomplete period). */
  readonly disabled = input(false);

  protected readonly busy = signal(false);
  protected readonly noteId = `export-coarsened-${nextId++}`;
  /** A row-level file with persons in it, for a role that gets it coarsened. */
  protected readonly coarsened = computed(() => {
    const role = this.role();
    return ['visits', 'persons', 'referrals'].includes(this.target()) && !!role && COARSENED_EXPORT_ROLES.includes(role);
  });
  protected readonly identifyingDataset = computed<IdentifyingExportDataset | null>(() => {
    const target = this.target();
    const offered = (IDENTIFYING_EXPORT_DATASETS as readonly string[]).includes(target);
    const role = this.role();
    return offered && role && IDENTIFYING_EXPORT_ROLES.includes(role) ? (target as IdentifyingExportDataset) : null;
  });

  protected download(format: ExportFormat): void {
    this.busy.set(true);
    this.exports.download(this.target(), format, this.filters()()).subscribe({
      next: () => this.busy.set(false),
      error: (err: unknown) => {
        this.busy.set(false);
        this.notify(errorMessageKey(toApiError(err)));
      },
    });
  }

  protected identifying(dataset: IdentifyingExportDataset, format: ExportFormat): void {
    const data: IdentifyingExportData = { dataset, format, filters: this.filters()() };
    this.dialog
      .open(IdentifyingExportDialogComponent, { data, width: '520px', maxWidth: 'calc(100vw - 24px)', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((filename) => filename && this.notify('exports.identifying.done'));
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), this.transloco.translate('common.ok'), { duration: 5000 });
  }
}
