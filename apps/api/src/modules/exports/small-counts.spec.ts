import { suppressSmallCount } from './small-counts';

describe('suppressSmallCount', () => {
  it('keeps 0: an empty group points at nobody', () => {
    expect(suppressSmallCount(0)).toBe(0);
  });

  it.each([1, 2, 3, 4])('writes %i as "<5"', (count) => {
    expect(suppressSmallCount(count)).toBe('<5');
  });

  it.each([5, 6, 120, 1_000_000])('writes %i as it is', (count) => {
    expect(suppressSmallCount(count)).toBe(count);
  });
});
