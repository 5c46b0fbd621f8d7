// The OpenAPI document (/api/docs-json) must say which query parameters are required: generated clients
// and fuzzers trust it (issue 12: `from`/`to` of /api/reports/dashboard were marked optional). For every
// GET with query parameters, called as admin with none of them, the fields the API refuses as missing
// must be exactly the ones the document marks required.
import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../../testing/test-app';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

describe('OpenAPI required query parameters', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.request('GET', '/api/docs-json')).body;
  });
  afterAll(() => t?.close());

  it('marks from and to of /api/reports/dashboard required', () => {
    const parameters = document.paths['/api/reports/dashboard'].get.parameters ?? [];
    expect(parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name).sort()).toEqual(['from', 'to']);
  });

  it('agrees with the validation of every GET route taking query parameters', async () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      const query = (operations['get']?.parameters ?? []).filter((p) => p.in === 'query');
      if (query.length === 0) continue;
      const url = path.replace('{format}', 'csv').replace(/\{[^}]+\}/g, () => randomUUID());
      const response = await t.request('GET', url, { token: t.adminToken });
      checked++;
      const refusedAsMissing = new Set<string>(
        response.status === 400
          ? (response.body.errors ?? []).filter((e: { field: string }) => query.some((p) => p.name === e.field)).map((e: { field: string }) => e.field)
          : [],
      );
      const documented = new Set(query.filter((p) => p.required).map((p) => p.name));
      for (const name of refusedAsMissing) if (!documented.has(name)) disagreements.push(`${path}: ${name} is required but documented optional`);
      for (const name of documented) if (!refusedAsMissing.has(name)) disagreements.push(`${path}: ${name} is documented required but the API does without it`);
    }
    expect(checked).toBeGreaterThan(10);
    expect(disagreements).toEqual([]);
  });
});
