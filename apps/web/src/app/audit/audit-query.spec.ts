import { auditQuery, type AuditFilterValues } from './audit-query';

const EMPTY: AuditFilterValues = { from: '', to: '', actorId: '', action: '', entityType: '', record: '' };

describe('auditQuery (the audit viewer filters as the API query)', () => {
  it('asks for everything when no filter is set', () => {
    expect(auditQuery(EMPTY)).toEqual({ from: undefined, to: undefined, actorId: undefined, action: undefined, entityType: undefined, record: undefined });
  });

  it('turns the period into whole local days, "to" included', () => {
    const query = auditQuery({ ...EMPTY, from: '2026-03-01', to: '2026-03-01' });
    expect(query?.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(query?.to).toBe(new Date(2026, 2, 2).toISOString());
  });

  it('passes who, what and the record (trimmed) through', () => {
    expect(auditQuery({ ...EMPTY, actorId: 'u-1', action: 'reveal', entityType: 'person', record: '  GT-TCU-000123 ' })).toMatchObject({
      actorId: 'u-1',
      action: 'reveal',
      entityType: 'person',
      record: 'GT-TCU-000123',
    });
  });

  it('asks nothing while the period ends before it starts or the record cannot be an id or code', () => {
    expect(auditQuery({ ...EMPTY, from: '2026-03-02', to: '2026-03-01' })).toBeNull();
    expect(auditQuery({ ...EMPTY, record: "GT' OR 1=1" })).toBeNull();
    expect(auditQuery({ ...EMPTY, record: 'X'.repeat(61) })).toBeNull();
  });
});
