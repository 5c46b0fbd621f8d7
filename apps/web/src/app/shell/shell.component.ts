// The frame around every signed-in page: toolbar, navigation by role, language and account menus.
import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Role } from '@mih/contracts';
import { filter, map, skip } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { AUDIT_ROLES, CASE_ROLES, QUARTER_CLOSE_ROLES, ROSTER_ROLES } from '../core/roles';
import { IconComponent, type IconName } from '../shared/icon.component';
import { LanguageMenuComponent } from './language-menu.component';
import { NotificationBellComponent } from '../notifications/notification-bell.component';
import { ConnectionService } from '../offline/connection.service';
import { OutboxService } from '../offline/outbox.service';
import { SyncStatusComponent } from '../offline/sync-status.component';
import type { ConfirmDialogData } from '../shared/confirm-dialog.component';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

interface NavLink {
  path: string;
  label: string;
  icon: IconName;
  roles?: Role[];
  /** Active only on this very path (the visits list is not active on /visits/new). */
  exact?: boolean;
  /** Keyboard shortcut, announced to assistive technology. */
  shortcut?: string;
}

const NAV_LINKS: NavLink[] = [
  { path: '/home', label: 'nav.home', icon: 'home' },
  { path: '/visits/new', label: 'nav.newVisit', icon: 'addCircle', roles: [...CASE_ROLES], shortcut: 'Alt+N' },
  { path: '/visits', label: 'nav.visits', icon: 'list', roles: [...CASE_ROLES], exact: true },
  { path: '/follow-ups', label: 'nav.followUps', icon: 'followUp', roles: [...CASE_ROLES] },
  { path: '/persons', label: 'nav.persons', icon: 'badge', roles: [...CASE_ROLES] },
  { path: '/referrals', label: 'nav.referrals', icon: 'send', roles: [...CASE_ROLES] },
  { path: '/providers', label: 'nav.providers', icon: 'directory', roles: [...CASE_ROLES] },
  { path: '/dashboard', label: 'nav.dashboard', icon: 'chart', roles: [...CASE_ROLES] },
  { path: '/inbox', label: 'nav.inbox', icon: 'inbox', roles: [...CASE_ROLES] },
  { path: '/activities', label: 'nav.activities', icon: 'campaign', roles: [...CASE_ROLES], exact: true },
  { path: '/counselors', label: 'nav.counselors', icon: 'volunteer', roles: [...ROSTER_ROLES] },
  { path: '/quarter-close', label: 'nav.quarterClose', icon: 'lock', roles: [...QUARTER_CLOSE_ROLES] },
  // Counselor mode: their two forms and their own records, nothing else.
  { path: '/activities/new', label: 'nav.newActivity', icon: 'addCircle', roles: ['counselor'] },
  { path: '/activities', label: 'nav.myActivities', icon: 'campaign', roles: ['counselor'], exact: true },
  { path: '/cases/new', label: 'nav.newCase', icon: 'flag', roles: ['counselor'] },
  { path: '/cases', label: 'nav.myCases', icon: 'list', roles: ['counselor'], exact: true },
  { path: '/admin/hubs', label: 'nav.hubs', icon: 'hub', roles: ['admin'] },
  { path: '/admin/users', label: 'nav.users', icon: 'users', roles: ['admin'] },
  { path: '/audit', label: 'audit.nav', icon: 'history', roles: [...AUDIT_ROLES] },
  { path: '/admin/retention', label: 'retention.nav', icon: 'schedule', roles: ['admin'] },
  { path: '/outbox', label: 'nav.outbox', icon: 'sync' },
];

@Component({
  selector: 'mih-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    MatMenuModule,
    TranslocoPipe,
    IconComponent,
    LanguageMenuComponent,
    NotificationBellComponent,
    SyncStatusComponent,
  ],
  providers: [provideFormFieldDefaults()],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly sidenav = viewChild.required(MatSidenav);

  private readonly outbox = inject(OutboxService);
  private readonly router = inject(Router);
  protected readonly user = this.auth.user;
  protected readonly online = inject(ConnectionService).online;
  protected readonly resumedOffline = this.auth.offline;
  /** The page shown only reads from the server (route data `needsConnection`). */
  protected readonly needsConnection = signal(false);
  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** A user who must first choose a password or set up a second factor can open no other page yet. */
  private readonly settingUpAccount = computed(() => {
    const user = this.user();
    return !!user?.mustChangePassword || !!user?.mustEnrolSecondFactor;
  });
  /** Notifications are about referrals, which counselors do not open: no bell (nor its polling) for them. */
  protected readonly showsNotifications = computed(() => {
    const role = this.auth.role();
    return role !== null && CASE_ROLES.includes(role) && !this.settingUpAccount();
  });
  protected readonly links = computed(() => {
    const role = this.auth.role();
    if (this.settingUpAccount()) return [];
    return NAV_LINKS.filter((link) => !link.roles || (role !== null && link.roles.includes(role)));
  });

  constructor() {
    this.listenForNewVisitShortcut();

    // After each in-app navigation, move focus to the new page's heading so screen readers announce it.
    this.needsConnection.set(this.currentPageNeedsConnection());
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.needsConnection.set(this.currentPageNeedsConnection()));
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (this.handset()) void this.sidenav().close();
        afterNextRender(() => this.focusHeading(), { injector: this.injector });
      });
  }

  /** Alt+N opens "New visit" from anywhere, for the roles that log visits. */
  private listenForNewVisitShortcut(): void {
    const document = inject(DOCUMENT);
    const router = this.router;
    // A plain listener: with zoneless change detection, keystrokes elsewhere cost no render.
    const onKeydown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) return;
      // `code` also matches on layouts where Alt+N types a character (macOS).
      if (event.code !== 'KeyN' && event.key.toLowerCase() !== 'n') return;
      const role = this.auth.role();
      if (role === null || !CASE_ROLES.includes(role)) return;
      event.preventDefault();
      void router.navigateByUrl('/visits/new');
    };
    document.addEventListener('keydown', onKeydown);
    inject(DestroyRef).onDestroy(() => document.removeEventListener('keydown', onKeydown));
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusHeading();
  }

  /** Records still waiting stay on this device for this user: say so before signing out. */
  protected signOut(): void {
    const waiting = this.outbox.items().length;
    if (!waiting) {
      void this.auth.logout();
      return;
    }
    const data: ConfirmDialogData = {
      title: 'offline.signOutTitle',
      message: 'offline.signOutMessage',
      confirm: 'offline.signOutConfirm',
      params: { count: waiting },
    };
    // The dialog's code loads when it is needed, not with every page the shell frames.
    void Promise.all([import('@angular/material/dialog'), import('../shared/confirm-dialog.component')]).then(
      ([{ MatDialog }, { ConfirmDialogComponent }]) =>
        this.injector
          .get(MatDialog)
          .open(ConfirmDialogComponent, { data })
          .afterClosed()
          .subscribe((confirmed) => confirmed && void this.auth.logout()),
    );
  }

  private currentPageNeedsConnection(): boolean {
    let route = this.router.routerState.snapshot.root;
    while (route.firstChild) route = route.firstChild;
    return route.data['needsConnection'] === true;
  }

  private focusHeading(): void {
    const main = this.main().nativeElement;
    const heading = main.querySelector<HTMLElement>('h1');
    (heading ?? main).focus();
  }
}
