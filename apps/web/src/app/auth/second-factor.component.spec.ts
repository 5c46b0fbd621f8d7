import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, type RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { type ApiError, type CurrentUser, ERROR_CODES, type SecondFactorStatus } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, queryAllByRole, type } from '../../testing/dom-queries';
import { staffUser } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { AuthService } from '../core/auth.service';
import { SECOND_FACTOR_PATH, secondFactorGuard } from '../core/second-factor.guard';
import { SecondFactorComponent, groupSecret } from './second-factor.component';
import { SecondFactorService } from './second-factor.service';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODES = Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`.replace(/[0189]/g, '2'));

describe('SecondFactorComponent', () => {
  let fixture: ComponentFixture<SecondFactorComponent>;
  let root: HTMLElement;
  const user = signal<CurrentUser | null>(staffUser);
  const api = { status: jest.fn(), enrol: jest.fn(), confirm: jest.fn(), disable: jest.fn() };
  const secondFactorEnrolled = jest.fn();

  async function render(status: SecondFactorStatus): Promise<void> {
    api.status.mockReturnValue(of(status));
    fixture = TestBed.createComponent(SecondFactorComponent);
    root = fixture.nativeElement;
    await fixture.whenStable();
  }

  beforeEach(() => {
    jest.resetAllMocks();
    api.enrol.mockReturnValue(of({ secret: SECRET, otpauthUri: `otpauth://totp/MIH:x?secret=${SECRET}&issuer=MIH` }));
    TestBed.configureTestingModule({
      imports: [SecondFactorComponent],
      providers: [
        provideRouter([]),
        provideTestTransloco(),
        { provide: AuthService, useValue: { user, secondFactorEnrolled } },
        { provide: SecondFactorService, useValue: api },
      ],
    });
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  it('starts at once for a user who must have one: QR code, the key in groups of four, no way out', async () => {
    user.set({ ...staffUser, role: 'admin', mustEnrolSecondFactor: true });
    await render({ enrolled: false, required: true, recoveryCodesLeft: 0 });
    expect(api.enrol).toHaveBeenCalledTimes(1);
    expect(getByRole(root, 'status').textContent).toContain('Tu cuenta necesita la verificación en dos pasos');
    expect(getByRole(root, 'img', 'Código QR para la aplicación de autenticación')).toBeTruthy();
    expect(getByLabel(root, '¿No puedes escanearlo? Escribe esta clave').value).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(queryAllByRole(root, 'link', 'Cancelar')).toHaveLength(0);
  });

  it('checks the code’s form, then shows the recovery codes once the API accepts it, and lifts the restriction', async () => {
    user.set({ ...staffUser, role: 'admin', mustEnrolSecondFactor: true });
    await render({ enrolled: false, required: true, recoveryCodesLeft: 0 });
    type(getByLabel(root, 'Código de verificación'), '12 34');
    getByRole(root, 'button', 'Activar').click();
    await fixture.whenStable();
    expect(fieldError(getByLabel(root, 'Código de verificación'))).toBe('Escribe los 6 dígitos del código.');
    expect(api.confirm).not.toHaveBeenCalled();

    const wrong: ApiError = { statusCode: 400, code: ERROR_CODES.validationFailed, message: 'x', errors: [{ field: 'code', constraints: ['totp'], message: 'x' }] };
    api.confirm.mockReturnValueOnce(throwError(() => wrong)).mockReturnValueOnce(of({ recoveryCodes: CODES }));
    type(getByLabel(root, 'Código de verificación'), '123456');
    getByRole(root, 'button', 'Activar').click();
    await fixture.whenStable();
    expect(fieldError(getByLabel(root, 'Código de verificación'))).toBe('Ese no es el código que muestra tu aplicación ahora.');
    expect(secondFactorEnrolled).not.toHaveBeenCalled();

    type(getByLabel(root, 'Código de verificación'), '654321');
    getByRole(root, 'button', 'Activar').click();
    await fixture.whenStable();
    expect(api.confirm).toHaveBeenLastCalledWith('654321');
    expect(secondFactorEnrolled).toHaveBeenCalledTimes(1);
    expect(Array.from(getByRole(root, 'list', 'Códigos de recuperación').querySelectorAll('li'), (li) => li.textContent?.trim())).toEqual(CODES);
    getByRole(root, 'button', 'Ya los guardé, continuar').click();
    expect(TestBed.inject(Router).navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('lets a staff member turn it off with a code, but not an admin whose role requires it', async () => {
    user.set(staffUser);
    api.disable.mockReturnValue(of(undefined));
    await render({ enrolled: true, required: false, recoveryCodesLeft: 7 });
    expect(api.enrol).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Activada. Te quedan 7 códigos de recuperación.');
    type(getByLabel(root, 'Código de verificación'), '123456');
    getByRole(root, 'button', 'Desactivar').click();
    await fixture.whenStable();
    expect(api.disable).toHaveBeenCalledWith('123456');
    expect(root.textContent).toContain('Desactivada.');

    fixture.destroy();
    user.set({ ...staffUser, role: 'admin' });
    await render({ enrolled: true, required: true, recoveryCodesLeft: 10 });
    expect(queryAllByRole(root, 'button', 'Desactivar')).toHaveLength(0);
    expect(root.textContent).toContain('Tu rol exige la verificación en dos pasos.');
  });

  it('groups a key in fours', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});

describe('secondFactorGuard', () => {
  const user = signal<CurrentUser | null>(staffUser);
  const run = (url: string) => TestBed.runInInjectionContext(() => secondFactorGuard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot));

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AuthService, useValue: { user } }] });
  });

  it('keeps a user who owes a second factor on its page, after any forced password change', () => {
    user.set(staffUser);
    expect(run('/visits')).toBe(true);
    user.set({ ...staffUser, mustEnrolSecondFactor: true });
    const result = run('/visits');
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe(SECOND_FACTOR_PATH);
    expect(run(`${SECOND_FACTOR_PATH}?x=1`)).toBe(true);
    user.set({ ...staffUser, mustEnrolSecondFactor: true, mustChangePassword: true });
    expect(run('/account/password')).toBe(true);
  });
});
