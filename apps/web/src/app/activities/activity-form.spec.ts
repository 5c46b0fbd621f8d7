import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { activity } from '../../testing/activity-fixtures';
import { activityFormValue, buildActivityForm, createActivityRequest, participantsTotal, updateActivityRequest } from './activity-form';

describe('activity form', () => {
  const build = () => buildActivityForm(TestBed.inject(NonNullableFormBuilder));

  it('adds up the participants, counting an empty or invalid box as nobody', () => {
    expect(participantsTotal({ girls: 3, boys: 2, women: 10, men: 5, other: 1 })).toBe(21);
    expect(participantsTotal({ girls: null, boys: -4, women: 2.5, men: 7 })).toBe(7);
  });

  it('is invalid while nobody took part, and for a negative, fractional or too large count', () => {
    const form = build();
    form.patchValue({ type: 'workshop', hubId: 'h', place: 'Salón', topics: ['documents'] });
    expect(form.controls.participants.hasError('noneTookPart')).toBe(true);
    form.controls.participants.controls.women.setValue(4);
    expect(form.valid).toBe(true);
    for (const value of [-1, 2.5, 100_001, null]) {
      form.controls.participants.controls.men.setValue(value);
      expect({ value, valid: form.controls.participants.controls.men.valid }).toEqual({ value, valid: false });
    }
  });

  it('sends every group and no total, trims texts and leaves empty optional ones out', () => {
    const form = build();
    form.patchValue({
      type: 'school_talk',
      occurredOn: '2026-03-02',
      hubId: 'hub-1',
      place: '  Instituto  ',
      community: ' ',
      participants: { girls: 10, boys: 12 },
      topics: ['trafficking'],
      campaign: ' Piénsalo dos veces ',
    });
    expect(createActivityRequest(form, 'id-1')).toEqual({
      id: 'id-1',
      hubId: 'hub-1',
      type: 'school_talk',
      occurredOn: '2026-03-02',
      place: 'Instituto',
      participants: { girls: 10, boys: 12, women: 0, men: 0, other: 0 },
      topics: ['trafficking'],
      campaign: 'Piénsalo dos veces',
    });
  });

  it('loads an activity into the form and sends cleared optional texts as null on update', () => {
    const form = build();
    const stored = activity({ community: 'Centro', campaign: 'X' });
    form.reset(activityFormValue(stored));
    expect(form.controls.counselorIds.value).toEqual(stored.counselors.map((c) => c.id));
    form.controls.community.setValue('');
    const update = updateActivityRequest(form, stored);
    expect(update).toMatchObject({ version: stored.version, community: null, campaign: 'X', participants: stored.participants });
    expect(update).not.toHaveProperty('participantsTotal');
  });
});
