import { TestBed } from '@angular/core/testing';
import { inboxCase } from '../../testing/activity-fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { CaseTimerComponent } from './case-timer.component';

describe('CaseTimerComponent', () => {
  async function render(overrides: Parameters<typeof inboxCase>[0]): Promise<HTMLElement> {
    TestBed.configureTestingModule({ imports: [CaseTimerComponent], providers: [provideTestTransloco()] });
    const fixture = TestBed.createComponent(CaseTimerComponent);
    fixture.componentRef.setInput('case', inboxCase(overrides));
    await fixture.whenStable();
    return fixture.nativeElement.querySelector('.timer');
  }

  it('counts the hours a new case has waited', async () => {
    const timer = await render({ waitingHours: 5 });
    expect(timer.textContent?.trim()).toBe('Esperando 5 h');
    expect(timer.classList).not.toContain('overdue');
  });

  it('turns red past the response time', async () => {
    const timer = await render({ waitingHours: 60, overdue: true });
    expect(timer.textContent?.trim()).toBe('Vencido: 60 h sin respuesta');
    expect(timer.classList).toContain('overdue');
  });

  it('says how long it waited once someone took it', async () => {
    const timer = await render({ waitingHours: 7, status: 'in_progress', takenAt: '2026-03-03T03:00:00.000Z' });
    expect(timer.textContent?.trim()).toBe('Esperó 7 h');
  });
});
