import { ApplicationRef, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { getByRole, queryAllByRole } from '../../testing/dom-queries';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { ListStatusComponent, type ListState } from './list-status.component';

@Component({
  imports: [ListStatusComponent],
  template: `
    <mih-list-status part="top" [list]="list" />
    <mih-list-status part="bottom" [list]="list" emptyKey="hubs.empty" />
  `,
})
class HostComponent {
  readonly list = {
    items: signal<string[]>([]),
    nextCursor: signal<string | null>(null),
    loading: signal(true),
    errorKey: signal<string | null>(null),
    loadMore: jest.fn(),
  } satisfies ListState;
}

describe('ListStatusComponent', () => {
  let root: HTMLElement;
  let list: HostComponent['list'];

  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideTestTransloco()] });
    const fixture = TestBed.createComponent(HostComponent);
    list = fixture.componentInstance.list;
    root = fixture.nativeElement;
    fixture.autoDetectChanges();
    await settle();
  });

  const emptyState = () => root.querySelector('.empty-state');

  it('shows a progress bar in a slot that stays when loading ends, and no empty state meanwhile', async () => {
    expect(getByRole(root, 'progressbar', 'Cargando')).toBeTruthy();
    expect(emptyState()).toBeNull();
    list.loading.set(false);
    await settle();
    expect(queryAllByRole(root, 'progressbar')).toHaveLength(0);
    expect(root.querySelector('.progress-slot')).not.toBeNull();
  });

  it('says when nothing matches', async () => {
    list.loading.set(false);
    await settle();
    expect(emptyState()?.textContent?.trim()).toBe('No hay centros que coincidan con los filtros.');
    list.items.set(['a']);
    await settle();
    expect(emptyState()).toBeNull();
  });

  it('shows a failed load as an alert instead of the empty state', async () => {
    list.loading.set(false);
    list.errorKey.set('errors.network');
    await settle();
    expect(getByRole(root, 'alert').textContent?.trim()).toBe('No hay conexión con el servidor. Revisa tu conexión e inténtalo de nuevo.');
    expect(emptyState()).toBeNull();
  });

  it('loads more while there is a next page, but not during a load', async () => {
    list.loading.set(false);
    list.items.set(['a']);
    expect(queryAllByRole(root, 'button', 'Cargar más')).toHaveLength(0);
    list.nextCursor.set('2');
    await settle();
    const button = getByRole(root, 'button', 'Cargar más') as HTMLButtonElement;
    button.click();
    expect(list.loadMore).toHaveBeenCalledTimes(1);
    list.loading.set(true);
    await settle();
    expect(button.disabled).toBe(true);
  });
});
