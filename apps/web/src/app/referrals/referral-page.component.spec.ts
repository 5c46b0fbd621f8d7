import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { ReferralDetail, Role } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, queryAllByRole, type } from '../../testing/dom-queries';
import { referenceLists, referral } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { AuthService } from '../core/auth.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { UsersService } from '../users/users.service';
import { ReferralPageComponent } from './referral-page.component';
import { ReferralsService } from './referrals.service';

const submitEvent = {
  id: '1',
  referralId: referral().id,
  kind: 'submit' as const,
  fromStatus: 'draft' as const,
  toStatus: 'submitted' as const,
  actorId: 'staff-1',
  actorName: 'Ana',
  viaProviderLink: false,
  reviewSkipped: false,
  comment: null,
  occurredAt: '2026-01-10T15:00:00Z',
};

function detail(overrides: Partial<ReferralDetail> = {}): ReferralDetail {
  return { ...referral(), events: [], ...overrides };
}

describe('ReferralPageComponent', () => {
  let fixture: ComponentFixture<ReferralPageComponent>;
  let root: HTMLElement;
  let referrals: { get: jest.Mock; act: jest.Mock; update: jest.Mock };
  const role = signal<Role | null>('staff');
  const user = signal<{ id: string } | null>(null);

  async function render(shown: ReferralDetail): Promise<void> {
    referrals.get.mockReturnValue(of(shown));
    fixture = TestBed.createComponent(ReferralPageComponent);
    fixture.componentRef.setInput('id', shown.id);
    root = fixture.nativeElement;
    await settle();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function click(el: HTMLElement): Promise<void> {
    el.click();
    await settle();
  }

  const buttons = () => queryAllByRole(root, 'button').map((b) => b.textContent!.trim());

  beforeEach(() => {
    referrals = { get: jest.fn(), act: jest.fn(), update: jest.fn() };
    role.set('staff');
    user.set(null);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideTestTransloco(),
        { provide: ReferralsService, useValue: referrals },
        { provide: UsersService, useValue: { listAll: () => of([]) } },
        { provide: AuthService, useValue: { role, user } },
        { provide: ReferenceListsService, useValue: { lists: signal(referenceLists()) } },
      ],
    });
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('offers staff "submit" and "cancel" on a draft, never the review', async () => {
    await render(detail({ status: 'draft' }));
    expect(buttons()).toEqual(expect.arrayContaining(['Enviar a revisión', 'Cancelar la derivación']));
    expect(buttons()).not.toContain('Aprobar y enviar');
    expect(queryAllByRole(root, 'link', 'Editar')).toHaveLength(1);
  });

  it('offers supervisors the review of a submitted referral', async () => {
    role.set('supervisor');
    await render(detail({ status: 'submitted' }));
    expect(buttons()).toEqual(expect.arrayContaining(['Aprobar y enviar', 'Devolver al autor', 'Rechazar']));
    expect(queryAllByRole(root, 'link', 'Editar')).toHaveLength(0);
  });

  it('does not offer the approval to the supervisor who wrote or submitted the referral, and says why', async () => {
    role.set('supervisor');
    user.set({ id: 'supervisor-1' });
    await render(detail({ status: 'submitted', events: [{ ...submitEvent, actorId: 'supervisor-1' }] }));
    expect(buttons()).toEqual(expect.arrayContaining(['Devolver al autor', 'Rechazar']));
    expect(buttons()).not.toContain('Aprobar y enviar');
    expect(root.textContent).toContain('Tú redactaste o enviaste esta derivación');
  });

  it('marks an emergency sent without review, in the header and the timeline', async () => {
    role.set('supervisor');
    const skipped = { ...submitEvent, id: '2', kind: 'approve' as const, fromStatus: 'submitted' as const, toStatus: 'approved' as const, actorId: null, actorName: null, reviewSkipped: true };
    await render(detail({ status: 'approved', urgency: 'emergency', reviewSkipped: true, events: [submitEvent, skipped] }));
    expect(root.querySelector('.review-skipped')?.textContent?.trim()).toBe('Emergencia, sin revisión');
    expect(root.textContent).toContain('Enviada al proveedor sin revisión (emergencia)');
  });

  it('approves in one click with the version read, then shows the referral again', async () => {
    role.set('supervisor');
    await render(detail({ status: 'submitted', version: 3 }));
    referrals.act.mockReturnValue(of(referral({ status: 'approved', version: 4 })));
    referrals.get.mockReturnValue(of(detail({ status: 'approved', version: 4 })));
    await click(getByRole(root, 'button', 'Aprobar y enviar'));

    expect(referrals.act).toHaveBeenCalledWith(referral().id, 'approve', { version: 3 });
    expect(referrals.get).toHaveBeenCalledTimes(2);
    expect(queryAllByRole(root, 'link', 'Imprimir boleta')).toHaveLength(1);
  });

  it('asks for the comment before returning a referral to its author', async () => {
    role.set('supervisor');
    await render(detail({ status: 'submitted', version: 2 }));
    await click(getByRole(root, 'button', 'Devolver al autor'));
    const dialog = document.body.querySelector<HTMLElement>('mat-dialog-container')!;
    await click(getByRole(dialog, 'button', 'Devolver al autor'));
    expect(fieldError(getByLabel(dialog, 'Comentario para el autor'))).toBe('Este campo es obligatorio.');
    expect(referrals.act).not.toHaveBeenCalled();

    referrals.act.mockReturnValue(of(referral({ status: 'returned' })));
    type(getByLabel(dialog, 'Comentario para el autor'), ' Falta indicar el documento. ');
    await click(getByRole(dialog, 'button', 'Devolver al autor'));
    await settle();
    expect(referrals.act).toHaveBeenCalledWith(referral().id, 'return', { version: 2, comment: 'Falta indicar el documento.' });
  });

  it('says someone else changed it when the step comes too late', async () => {
    role.set('supervisor');
    await render(detail({ status: 'submitted' }));
    referrals.act.mockReturnValue(throwError(() => ({ statusCode: 409, code: 'stale_version', message: 'Stale' })));
    await click(getByRole(root, 'button', 'Aprobar y enviar'));
    expect(getByRole(root, 'alert').textContent).toContain('Otra persona cambió esta derivación');
  });

  it('shows the overdue due date and the provider answer recorded through the link', async () => {
    await render(
      detail({
        status: 'accepted',
        overdue: true,
        events: [
          { id: 'e1', referralId: 'r', kind: 'accept', fromStatus: 'approved', toStatus: 'accepted', actorId: null, actorName: null, viaProviderLink: true, reviewSkipped: false, comment: null, occurredAt: '2026-01-12T10:00:00Z' },
        ],
      }),
    );
    expect(root.querySelector('.status-line')!.textContent).toContain('Vencida');
    expect(root.querySelector('.timeline')!.textContent).toContain('El proveedor, mediante su enlace');
    expect(buttons()).toEqual(expect.arrayContaining(['Atención completada', 'El proveedor declinó']));
  });

  it("names the person's language, which the slip is printed in", async () => {
    await render(detail({ status: 'approved', preferredLanguage: 'ht' }));
    expect(root.textContent).toContain('Idioma de la persona');
    expect(root.textContent).toContain('Criollo haitiano');
  });
});
