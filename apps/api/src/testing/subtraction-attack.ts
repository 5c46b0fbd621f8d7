// What a reader of a published table can work out (issue 14, gap 2), written apart from the
// suppression it checks. The table is its cells as published (numbers, "<5" or "x") and the equations
// the reader knows (these cells add up to that total). The attack tries every subtraction: an
// equation with exactly one hidden count gives it away, and a count so found is used in the other
// equations, again and again. It also tries the marks' bounds ("<5" is 1 to 4, "x" 5 or more): hidden
// counts whose sum is only reachable with each at its lowest or highest bound are given away too.

export type Published = number | string;

export interface Equation {
  cells: readonly number[];
  total: number;
}

export interface Recovered {
  index: number;
  value: number;
  how: string;
}

const BOUNDS: Record<string, [number, number]> = { '<5': [1, 4], x: [5, Infinity] };

export function subtractionAttack(published: readonly Published[], equations: readonly Equation[], truth?: readonly number[]): Recovered[] {
  const known = new Map<number, number>();
  published.forEach((value, index) => typeof value === 'number' && known.set(index, value));
  const recovered: Recovered[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const equation of equations) {
      const terms = [...equation.cells.map((index) => [index, 1] as const), [equation.total, -1] as const];
      const hidden = terms.filter(([index]) => !known.has(index));
      if (hidden.length !== 1) continue;
      const [index, sign] = hidden[0];
      const others = terms.filter(([i]) => i !== index).reduce((sum, [i, s]) => sum + s * (known.get(i) as number), 0);
      const value = -others * sign;
      known.set(index, value);
      recovered.push({ index, value, how: `subtraction in ${JSON.stringify(equation)}` });
      progress = true;
    }
  }
  for (const equation of equations) {
    const terms = [...equation.cells.map((index) => [index, 1] as const), [equation.total, -1] as const];
    const hidden = terms.filter(([index]) => !known.has(index));
    if (hidden.length < 2) continue;
    const target = -terms.filter(([index]) => known.has(index)).reduce((sum, [i, s]) => sum + s * (known.get(i) as number), 0);
    const bounds = hidden.map(([index, sign]) => {
      const [low, high] = BOUNDS[String(published[index])] ?? [0, Infinity];
      return sign > 0 ? [low, high] : [-high, -low];
    });
    const min = bounds.reduce((sum, [low]) => sum + low, 0);
    const max = bounds.reduce((sum, [, high]) => sum + high, 0);
    if (target === min || target === max) {
      hidden.forEach(([index, sign], k) => recovered.push({ index, value: sign * (target === min ? bounds[k][0] : bounds[k][1]), how: `bounds in ${JSON.stringify(equation)}` }));
    }
  }
  // With the true values at hand, a recovery is checked against them (a wrong "recovery" would mean the spec's own arithmetic is off).
  if (truth) for (const r of recovered) if (truth[r.index] !== r.value) throw new Error(`attack recovered ${r.value} at ${r.index}, truth ${truth[r.index]}`);
  return recovered;
}
