import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ApiError } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, queryAllByRole, type } from '../../testing/dom-queries';
import { adminUser } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { AuthService } from '../core/auth.service';
import { NETWORK_ERROR } from '../core/api-error';
import { LoginComponent } from './login.component';

describe('LoginComponent', () => {
  let fixture: ComponentFixture<LoginComponent>;
  let root: HTMLElement;
  let login: jest.Mock;
  let loginWithSecondFactor: jest.Mock;
  let navigateByUrl: jest.SpyInstance;

  async function render(inputs: Record<string, string> = {}): Promise<void> {
    fixture = TestBed.createComponent(LoginComponent);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    root = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function signIn(email: string, password: string): Promise<void> {
    type(getByLabel(root, 'Correo electrónico'), email);
    type(getByLabel(root, 'Contraseña'), password);
    getByRole(root, 'button', 'Iniciar sesión').click();
    await fixture.whenStable();
  }

  beforeEach(() => {
    login = jest.fn();
    loginWithSecondFactor = jest.fn();
    TestBed.configureTestingModule({
      imports: [LoginComponent],
      providers: [provideRouter([]), provideTestTransloco(), { provide: AuthService, useValue: { login, loginWithSecondFactor, changeLanguage: jest.fn() } }],
    });
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  it('signs in and goes home', async () => {
    login.mockReturnValue(of(adminUser));
    await render();
    await signIn(' admin@example.org ', 'Demo-2026!');
    expect(login).toHaveBeenCalledWith('admin@example.org', 'Demo-2026!');
    expect(navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('returns to the page that asked for sign-in', async () => {
    login.mockReturnValue(of(adminUser));
    await render({ returnUrl: '/admin/hubs' });
    await signIn('admin@example.org', 'Demo-2026!');
    expect(navigateByUrl).toHaveBeenCalledWith('/admin/hubs');
  });

  it('never follows a return address to another site', async () => {
    login.mockReturnValue(of(adminUser));
    await render({ returnUrl: '//evil.example/phish' });
    await signIn('admin@example.org', 'Demo-2026!');
    expect(navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('asks for the code after a right password of an account with a second factor, or a recovery code instead', async () => {
    login.mockReturnValue(of({ secondFactor: 'totp', challengeToken: 'challenge-1', expiresIn: 300 }));
    await render();
    await signIn('admin@example.org', 'Demo-2026!');
    expect(navigateByUrl).not.toHaveBeenCalled();
    expect(getByRole(root, 'heading', 'Verificación en dos pasos')).toBeTruthy();

    type(getByLabel(root, 'Código de verificación'), '12a456');
    getByRole(root, 'button', 'Verificar').click();
    await fixture.whenStable();
    expect(fieldError(getByLabel(root, 'Código de verificación'))).toBe('Escribe los 6 dígitos del código.');
    expect(loginWithSecondFactor).not.toHaveBeenCalled();

    const wrong: ApiError = { statusCode: 401, code: 'unauthorized', message: 'Wrong code' };
    loginWithSecondFactor.mockReturnValueOnce(throwError(() => wrong)).mockReturnValueOnce(of(adminUser));
    type(getByLabel(root, 'Código de verificación'), '123456');
    getByRole(root, 'button', 'Verificar').click();
    await fixture.whenStable();
    expect(loginWithSecondFactor).toHaveBeenCalledWith({ challengeToken: 'challenge-1', code: '123456' });
    expect(getByRole(root, 'alert').textContent).toContain('El código no es correcto o ya se usó.');

    getByRole(root, 'button', 'Usar un código de recuperación').click();
    await fixture.whenStable();
    type(getByLabel(root, 'Código de recuperación'), 'abcde-23456');
    getByRole(root, 'button', 'Verificar').click();
    await fixture.whenStable();
    expect(loginWithSecondFactor).toHaveBeenLastCalledWith({ challengeToken: 'challenge-1', recoveryCode: 'abcde-23456' });
    expect(navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('asks for the missing fields inline', async () => {
    await render();
    getByRole(root, 'button', 'Iniciar sesión').click();
    await fixture.whenStable();
    expect(fieldError(getByLabel(root, 'Correo electrónico'))).toBe('Este campo es obligatorio.');
    expect(fieldError(getByLabel(root, 'Contraseña'))).toBe('Este campo es obligatorio.');
    expect(login).not.toHaveBeenCalled();
  });

  it.each<[string, ApiError, string]>([
    ['wrong credentials', { statusCode: 401, code: 'unauthorized', message: '' }, 'El correo o la contraseña no son correctos.'],
    ['a locked account', { statusCode: 429, code: 'account_locked', message: '' }, 'Demasiados intentos fallidos.'],
    ['no connection', { statusCode: 0, code: NETWORK_ERROR, message: '' }, 'No hay conexión con el servidor.'],
  ])('explains %s', async (_case, error, text) => {
    login.mockReturnValue(throwError(() => error));
    await render();
    await signIn('admin@example.org', 'wrong-password');
    expect(getByRole(root, 'alert').textContent).toContain(text);
    expect(getByLabel(root, 'Contraseña').value).toBe('');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('says why the user is back after the session ended', async () => {
    await render({ session: 'ended' });
    expect(getByRole(root, 'status').textContent).toContain('Tu sesión terminó');
    expect(queryAllByRole(root, 'alert')).toHaveLength(0);
  });
});
