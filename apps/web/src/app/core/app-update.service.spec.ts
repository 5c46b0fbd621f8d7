import { TestBed } from '@angular/core/testing';
import { SwUpdate, type UnrecoverableStateEvent, type VersionEvent } from '@angular/service-worker';
import { Subject } from 'rxjs';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { AppUpdateService } from './app-update.service';

describe('AppUpdateService', () => {
  let versionUpdates: Subject<VersionEvent>;
  let unrecoverable: Subject<UnrecoverableStateEvent>;
  let service: AppUpdateService;
  let reload: jest.SpyInstance;

  function setUp(isEnabled = true) {
    versionUpdates = new Subject();
    unrecoverable = new Subject();
    TestBed.configureTestingModule({
      providers: [provideTestTransloco(), { provide: SwUpdate, useValue: { isEnabled, versionUpdates, unrecoverable } }],
    });
    service = TestBed.inject(AppUpdateService);
    reload = jest.spyOn(service, 'reload').mockImplementation(() => undefined);
    service.start();
  }

  const version = { hash: 'abc' };
  const snackBarText = () => document.querySelector('mat-snack-bar-container')?.textContent ?? '';
  const settle = () => new Promise((done) => setTimeout(done, 0));

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((node) => node.remove()));

  it('offers a reload, in the active language, when a new version is ready, and reloads on the click', async () => {
    setUp();
    versionUpdates.next({ type: 'VERSION_DETECTED', version });
    await settle();
    expect(snackBarText()).toBe('');

    versionUpdates.next({ type: 'VERSION_READY', currentVersion: version, latestVersion: { hash: 'def' } });
    await settle();
    expect(snackBarText()).toContain('Hay una versión nueva lista');
    expect(reload).not.toHaveBeenCalled();

    const button = Array.from(document.querySelectorAll('mat-snack-bar-container button')).find((b) => b.textContent?.includes('Recargar')) as HTMLButtonElement;
    button.click();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads at once when the service worker cannot serve this version any more', () => {
    setUp();
    unrecoverable.next({ type: 'UNRECOVERABLE_STATE', reason: 'cache evicted' });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does nothing where the service worker is off (development, unsupported browsers)', async () => {
    setUp(false);
    versionUpdates.next({ type: 'VERSION_READY', currentVersion: version, latestVersion: { hash: 'def' } });
    unrecoverable.next({ type: 'UNRECOVERABLE_STATE', reason: 'x' });
    await settle();
    expect(snackBarText()).toBe('');
    expect(reload).not.toHaveBeenCalled();
  });
});
