// class-validator errors become FieldErrors with dotted paths; bodies validated outside the pipe get the same rules.
import type { ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { ValidationFailedException } from './api-exception';
import { toFieldErrors, validateBody } from './validation';

const error = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError => ({
  property,
  constraints,
  children,
});

class Participants {
  @IsInt() @Min(0) girls!: number;
  @IsInt() @Min(0) boys!: number;
}

class Item {
  @IsString() code!: string;
}

class Activity {
  @IsString() place!: string;
  @ValidateNested() @Type(() => Participants) participants!: Participants;
  @ValidateNested({ each: true }) @Type(() => Item) items!: Item[];
}

describe('toFieldErrors', () => {
  it('names a top-level field with all its constraints and messages', () => {
    expect(toFieldErrors([error('name', { isString: 'name must be a string', maxLength: 'name is too long' })])).toEqual([
      { field: 'name', constraints: ['isString', 'maxLength'], message: 'name must be a string; name is too long' },
    ]);
  });

  it('flattens nested errors into dotted paths, array indexes included', () => {
    const errors = [
      error('consent', undefined, [error('given', { isBoolean: 'given must be a boolean' }), error('purposes', undefined, [error('0', { isIn: 'bad purpose' })])]),
      error('code', { matches: 'bad code' }),
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'consent.given', constraints: ['isBoolean'], message: 'given must be a boolean' },
      { field: 'consent.purposes.0', constraints: ['isIn'], message: 'bad purpose' },
      { field: 'code', constraints: ['matches'], message: 'bad code' },
    ]);
  });

  it('keeps a parent that has constraints of its own and its children', () => {
    expect(toFieldErrors([error('a', { isObject: 'a must be an object' }, [error('b', { isInt: 'b must be an integer' })])]).map((e) => e.field)).toEqual([
      'a',
      'a.b',
    ]);
  });

  it("names an error without a property 'body'", () => {
    expect(toFieldErrors([error('', { unknownValue: 'an unknown value was passed' })])).toEqual([
      { field: 'body', constraints: ['unknownValue'], message: 'an unknown value was passed' },
    ]);
  });

  it('answers [] for no errors', () => {
    expect(toFieldErrors([])).toEqual([]);
  });
});

describe('validateBody', () => {
  async function fieldsOf(body: unknown): Promise<string[]> {
    try {
      await validateBody(Activity, body);
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(ValidationFailedException);
      return ((thrown as ValidationFailedException).getResponse() as { errors: { field: string }[] }).errors.map((e) => e.field);
    }
    return [];
  }

  it('answers the typed instance for a valid body', async () => {
    const activity = await validateBody(Activity, { place: 'Escuela', participants: { girls: 1, boys: 2 }, items: [{ code: 'x' }] });
    expect(activity).toBeInstanceOf(Activity);
    expect(activity.participants).toBeInstanceOf(Participants);
  });

  it('names nested fields with dotted paths', async () => {
    expect(await fieldsOf({ place: 'Escuela', participants: { girls: -1, boys: 'two' }, items: [{ code: 'x' }, { code: 3 }] })).toEqual([
      'participants.girls',
      'participants.boys',
      'items.1.code',
    ]);
  });

  it('rejects unknown fields, at the top and nested', async () => {
    expect(await fieldsOf({ place: 'Escuela', participants: { girls: 1, boys: 2, men: 3 }, items: [], extra: true })).toEqual(
      expect.arrayContaining(['participants.men', 'extra']),
    );
  });

  it.each([
    ['null', null],
    ['an array', [{ place: 'x' }]],
    ['a string', 'place'],
    ['a number', 42],
    ['undefined', undefined],
  ])("answers 400 naming 'body' when the body is %s", async (_, body) => {
    expect(await fieldsOf(body)).toEqual(['body']);
  });
});
