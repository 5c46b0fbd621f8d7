// The role rules for hub and country assignments, without a database.
import { ValidationFailedException } from '../../common/api-exception';
import { normaliseAssignment } from './users.service';

const HUB = '5b1f7f38-0d3c-4a57-9d0e-2f1a3c4b5d6e';

describe('normaliseAssignment', () => {
  it('gives admins neither hubs nor countries, whatever was sent', () => {
    expect(normaliseAssignment('admin', [HUB], ['GT'])).toEqual({ hubIds: [], countryCodes: [] });
  });

  it('lets supervisors have hubs, countries or both, but not neither', () => {
    expect(normaliseAssignment('supervisor', [], ['GT'])).toEqual({ hubIds: [], countryCodes: ['GT'] });
    expect(normaliseAssignment('supervisor', [HUB], [])).toEqual({ hubIds: [HUB], countryCodes: [] });
    expect(() => normaliseAssignment('supervisor', [], [])).toThrow(ValidationFailedException);
  });

  it.each(['staff', 'counselor'] as const)('requires at least one hub and no countries for %s', (role) => {
    expect(normaliseAssignment(role, [HUB], [])).toEqual({ hubIds: [HUB], countryCodes: [] });
    expect(() => normaliseAssignment(role, [], [])).toThrow(ValidationFailedException);
    expect(() => normaliseAssignment(role, [HUB], ['GT'])).toThrow(ValidationFailedException);
  });

  it('names the offending field in the error', () => {
    try {
      normaliseAssignment('staff', [HUB], ['GT']);
      throw new Error('expected a validation error');
    } catch (error) {
      expect((error as ValidationFailedException).getResponse()).toMatchObject({ errors: [{ field: 'countryCodes' }] });
    }
  });
});
