import { share, suppressed } from './small-counts';

describe('small-count suppression', () => {
  it.each([
    [0, '0'],
    [1, '<5'],
    [4, '<5'],
    [5, '5'],
    [11800, '11,800'],
  ])('shows %s as %s', (count, shown) => {
    expect(suppressed(count, 'en')).toBe(shown);
  });

  it('formats in the language asked for', () => {
    expect(suppressed(6282, 'es')).toBe('6282'); // Spanish groups thousands from five digits
    expect(suppressed(11800, 'es')).toBe('11.800');
  });

  it('gives shares only for groups of five or more', () => {
    expect(share(54, 100, 'en')).toBe('54%');
    expect(share(4, 100, 'en')).toBe('');
    expect(share(5, 0, 'en')).toBe('');
  });

  it('shows a count the API hid as its mark, and gives it no share (nor any group of a hidden total)', () => {
    expect(suppressed('x', 'en')).toBe('x');
    expect(suppressed('<5', 'en')).toBe('<5');
    expect(share('x', 100, 'en')).toBe('');
    expect(share(54, 'x', 'en')).toBe('');
  });
});
