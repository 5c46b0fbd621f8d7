import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { Router, provideRouter } from '@angular/router';
import type { ApiError, CurrentUser } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, queryAllByRole, type } from '../../testing/dom-queries';
import { staffUser } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { AuthService } from '../core/auth.service';
import { ChangePasswordComponent } from './change-password.component';

describe('ChangePasswordComponent', () => {
  let fixture: ComponentFixture<ChangePasswordComponent>;
  let root: HTMLElement;
  let changePassword: jest.Mock;
  let navigateByUrl: jest.SpyInstance;
  const user = signal<CurrentUser | null>(staffUser);

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(ChangePasswordComponent);
    root = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function fill(current: string, next: string, repeat = next): Promise<void> {
    type(getByLabel(root, 'Contraseña actual'), current);
    type(getByLabel(root, 'Nueva contraseña'), next);
    type(getByLabel(root, 'Repite la nueva contraseña'), repeat);
    getByRole(root, 'button', 'Cambiar contraseña').click();
    await fixture.whenStable();
  }

  beforeEach(() => {
    changePassword = jest.fn();
    user.set(staffUser);
    TestBed.configureTestingModule({
      imports: [ChangePasswordComponent],
      providers: [provideRouter([]), provideTestTransloco(), { provide: AuthService, useValue: { changePassword, user } }],
    });
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  it('sends the current and the new password, then goes home', async () => {
    changePassword.mockReturnValue(of(undefined));
    await render();
    await fill('Test-password-1', 'Verde-llanura-2027');
    expect(changePassword).toHaveBeenCalledWith('Test-password-1', 'Verde-llanura-2027');
    expect(navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('asks for every field, and for the same new password twice, before calling the API', async () => {
    await render();
    getByRole(root, 'button', 'Cambiar contraseña').click();
    await fixture.whenStable();
    expect(fieldError(getByLabel(root, 'Contraseña actual'))).toBe('Este campo es obligatorio.');
    await fill('Test-password-1', 'Verde-llanura-2027', 'Verde-llanura-2028');
    expect(fieldError(getByLabel(root, 'Repite la nueva contraseña'))).toBe('Las dos contraseñas no coinciden.');
    expect(changePassword).not.toHaveBeenCalled();
  });

  it.each<[string, ApiError, string, string]>([
    [
      'a wrong current password',
      { statusCode: 400, code: 'validation_failed', message: '', errors: [{ field: 'currentPassword', constraints: ['currentPassword'], message: '' }] },
      'Contraseña actual',
      'No es tu contraseña actual.',
    ],
    [
      'a common new password',
      { statusCode: 400, code: 'validation_failed', message: '', errors: [{ field: 'newPassword', constraints: ['notCommonPassword'], message: '' }] },
      'Nueva contraseña',
      'Esta contraseña es demasiado común y fácil de adivinar. Elige otra.',
    ],
  ])('shows %s under its field and stays', async (_case, error, label, text) => {
    changePassword.mockReturnValue(throwError(() => error));
    await render();
    await fill('Wrong-password-1', 'Verde-llanura-2027');
    expect(fieldError(getByLabel(root, label))).toBe(text);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('says why when an admin set the password, and offers no way around it', async () => {
    user.set({ ...staffUser, mustChangePassword: true });
    await render();
    expect(getByRole(root, 'status').textContent).toContain('Un administrador estableció tu contraseña');
    expect(queryAllByRole(root, 'link', 'Cancelar')).toHaveLength(0);
  });
});
