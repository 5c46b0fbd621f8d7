// Summarises V8 .cpuprofile files (node --cpu-prof) of the API and the baseline side by side: self
// time per npm package (the API's own bundle, node internals, garbage collection apart), in CPU
// milliseconds per request served, and the heaviest functions of each.
import { readFileSync } from 'node:fs';

/** @param {{ name: string, file: string, requests: number }[]} runs */
export function compareCpuProfiles(runs, { top = 20 } = {}) {
  const summaries = runs.map((run) => ({ ...run, ...selfTimes(run.file) }));
  const perRequest = (summary, ms) => ms / Math.max(1, summary.requests);
  const groups = new Map();
  for (const summary of summaries) {
    for (const [group, ms] of summary.byGroup) groups.set(group, Math.max(groups.get(group) ?? 0, perRequest(summary, ms)));
  }
  const lines = [
    'CPU self time per request served, by package (node --cpu-prof; the profiler itself slows both servers).',
    ...summaries.map((s) => `${s.name}: ${(s.busy / 1000).toFixed(1)} s busy over ${s.requests.toLocaleString('en')} requests = ${perRequest(s, s.busy).toFixed(3)} ms/request`),
    '',
    `${'package'.padEnd(48)}${summaries.map((s) => `${s.name} ms/req`.padStart(18)).join('')}`,
  ];
  for (const [group] of [...groups].sort((a, b) => b[1] - a[1])) {
    const cells = summaries.map((s) => perRequest(s, s.byGroup.get(group) ?? 0));
    if (cells.every((ms) => ms < 0.0005)) continue;
    lines.push(`${group.padEnd(48)}${cells.map((ms) => ms.toFixed(3).padStart(18)).join('')}`);
  }
  for (const summary of summaries) {
    lines.push('', `Heaviest ${top} functions of ${summary.name} (ms/request):`);
    for (const [name, ms] of [...summary.byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      lines.push(`  ${perRequest(summary, ms).toFixed(3).padStart(7)}  ${name}`);
    }
  }
  return lines.join('\n');
}

function selfTimes(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const byGroup = new Map();
  const byFunction = new Map();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const group = groupOf(functionName, url);
    if (group === '(idle)') continue;
    busy += ms;
    byGroup.set(group, (byGroup.get(group) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'} — ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  return { busy, byGroup, byFunction };
}

function groupOf(functionName, url) {
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)' || functionName === '(root)') return '(program: V8/native outside JS)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.includes('dist/apps/api')) return 'API bundle (app code)';
  if (url.includes('tools/bench')) return 'baseline-server.mjs';
  if (url.startsWith('node:') || url === '') return 'node internals and syscalls (http, net, crypto)';
  return url;
}

function shortUrl(url) {
  const match = /node_modules\/(.+)$/.exec(url);
  if (match) return match[1];
  return url.replace(/^file:\/\//, '').replace(/^.*\/(dist|tools)\//, '$1/');
}
