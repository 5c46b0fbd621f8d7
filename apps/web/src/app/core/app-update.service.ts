// The quiet "new version" prompt: the service worker downloads a new build in the background and the
// user takes it with one click (or at the next start); a cache the worker cannot repair reloads at once.
import { DOCUMENT, DestroyRef, Injectable, Injector, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SwUpdate } from '@angular/service-worker';
import { TranslocoService } from '@jsverse/transloco';
import { filter } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AppUpdateService {
  private readonly updates = inject(SwUpdate);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  start(): void {
    if (!this.updates.isEnabled) return;
    this.updates.versionUpdates
      .pipe(
        filter((event) => event.type === 'VERSION_READY'),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => void this.offerReload());
    this.updates.unrecoverable.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.reload());
  }

  reload(): void {
    this.document.location.reload();
  }

  private async offerReload(): Promise<void> {
    // Loaded on first use: the snack bar and its overlay stay out of the first page's script.
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    const prompt = this.injector
      .get(MatSnackBar)
      .open(this.transloco.translate('update.ready'), this.transloco.translate('update.reload'), { politeness: 'polite' });
    prompt.onAction().subscribe(() => this.reload());
  }
}
