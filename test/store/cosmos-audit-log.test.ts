import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../bot/src/store/audit-log.ts';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { makeAuditEntry } from './factories.ts';

const cosmos = freshCosmosForEachTest();
const ref = { laCode: '860', caseId: 'CASE-0001' };

function auditLog(): CosmosAuditLog {
  return new CosmosAuditLog(cosmos.db.audit);
}

async function everything(log: CosmosAuditLog, pageSize?: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let continuation: string | undefined;
  do {
    const page = await log.listForCase(ref, {
      ...(pageSize ? { pageSize } : {}),
      ...(continuation ? { continuation } : {}),
    });
    entries.push(...page.items);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return entries;
}

describe('the audit log: append-only entries, one partition per case', () => {
  it('gives entries back as recorded, oldest first, whatever order they were recorded in', async () => {
    const read = makeAuditEntry({ at: '2026-03-02T09:15:00.000Z', action: 'case.read' });
    const imported = makeAuditEntry({
      at: '2026-03-01T08:00:00.000Z',
      actor: 'system:import',
      action: 'case.import',
      detail: { row: 12, effect: 'created', reviewIncluded: false },
    });
    const started = makeAuditEntry({ at: '2026-03-02T09:20:30.250Z', action: 'review.start' });
    for (const entry of [read, imported, started]) await auditLog().record(entry);

    expect(await everything(auditLog())).toEqual([imported, read, started]);
  });

  it("lists only the case's own entries", async () => {
    await auditLog().record(makeAuditEntry());
    await auditLog().record(makeAuditEntry({ caseKey: '860/CASE-0002' }));
    await auditLog().record(makeAuditEntry({ caseKey: '861/CASE-0001' }));

    expect(await everything(auditLog())).toEqual([makeAuditEntry()]);
  });

  it('pages through a long history, each entry once', async () => {
    const times = Array.from({ length: 7 }, (_, n) => new Date(Date.UTC(2026, 2, 2, 9, n)).toISOString());
    for (const at of times) await auditLog().record(makeAuditEntry({ at }));

    expect((await everything(auditLog(), 3)).map((e) => e.at)).toEqual(times);
  });

  it('writes the instant in one form, so that entries sort by time', async () => {
    await auditLog().record(makeAuditEntry({ at: '2026-03-02T10:15:00+01:00' }));

    expect((await everything(auditLog()))[0]?.at).toBe('2026-03-02T09:15:00.000Z');
  });

  it('refuses detail that looks like an email address: the log holds no personal data', async () => {
    await expect(
      auditLog().record(makeAuditEntry({ detail: { invited: 'parent@example.org' } })),
    ).rejects.toThrow(/email/);
    expect(await everything(auditLog())).toEqual([]);
  });

  it('refuses a time that is not an instant', async () => {
    await expect(auditLog().record(makeAuditEntry({ at: 'yesterday' }))).rejects.toThrow(/instant/);
  });
});
