// "My cases" (/cases), for counselors: the cases they sent and where each stands — nothing else.
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseListQuery, SentCase } from '@mih/contracts';
import { of } from 'rxjs';
import { PagedList } from '../core/paged-list';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
import { CaseStatusComponent } from './case-status.component';
import { CasesService } from './cases.service';
import { OutboxItemsComponent } from '../offline/outbox-items.component';
import { OutboxService } from '../offline/outbox.service';

const PAGE_SIZE = 20;

@Component({
  selector: 'mih-my-cases',
  imports: [
    RouterLink,
    MatButtonModule,
    TranslocoPipe,
    LocalDatePipe,
    ReferenceLabelPipe,
    IconComponent,
    ListStatusComponent,
    CaseStatusComponent,
    OutboxItemsComponent,
  ],
  template: `
    <div class="page">
      <header class="page-header">
        <div>
          <h1 tabindex="-1">{{ 'cases.mineTitle' | transloco }}</h1>
          <p class="subtitle">{{ 'cases.mineSubtitle' | transloco }}</p>
        </div>
        <a mat-flat-button class="tall" routerLink="/cases/new">
          <mih-icon name="flag" />
          {{ 'cases.new' | transloco }}
        </a>
      </header>
      <mih-outbox-items [kinds]="['case']" />
      <mih-list-status part="top" [list]="list" />
      <ul class="cards" role="list" [attr.aria-label]="'cases.mineTitle' | transloco">
        @for (sent of items(); track sent.id) {
          <li class="card">
            <span class="card-head">
              <strong>{{ sent.needCategory | refLabel: lists().needCategories }}</strong>
              <mih-case-status [status]="sent.status" [outcome]="sent.outcome" />
            </span>
            <span class="muted small">
              {{ 'cases.sentOn' | transloco: { date: (sent.createdAt | localDate: lang() : true) } }} ·
              {{ 'cases.urgency.' + sent.urgency | transloco }}
            </span>
          </li>
        }
      </ul>
      <mih-list-status part="bottom" [list]="list" emptyKey="cases.emptyMine" panel tall />
    </div>
  `,
  styles: `
    .tall {
      --mat-button-filled-container-height: 48px;
      min-height: 48px;
    }
    .tall mih-icon {
      margin-right: 6px;
    }
    .cards {
      display: grid;
      gap: 10px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 6px;
      padding: 14px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    .card-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 6px 8px;
      font: var(--mat-sys-title-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyCasesComponent {
  private readonly cases = inject(CasesService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  protected readonly list = new PagedList<SentCase, CaseListQuery>((query) => this.cases.mine(query), PAGE_SIZE);
  protected readonly items = this.list.items;

  constructor() {
    this.list.follow(of({}), toObservable(inject(OutboxService).departed));
  }
}
