/**
 * The import of an LA's export into an empty store, against the store's floor: the same documents
 * written with `@azure/cosmos` alone, in bulk (`executeBulkOperations`).
 */
import { performance } from 'node:perf_hooks';
import { demoCaseFiles } from '../bot/src/demo/demo-cases.ts';
import type { RawCaseRow } from '../bot/src/import/columns.ts';
import { importCases } from '../bot/src/import/import-cases.ts';
import type { PlainDate } from '../bot/src/review/plain-date.ts';
import type { StoreDatabase } from '../bot/src/store/database.ts';
import { storesOver } from '../bot/src/store/open-stores.ts';
import { PEOPLE_CONTAINER } from '../bot/src/store/person-index.ts';

/** `count` rows of LA `laCode` as an export gives them, built from the demo cases' facts. */
export function exportRows(today: PlainDate, laCode: string, count: number): RawCaseRow[] {
  const templates = demoCaseFiles(today).map((file) => file.case);
  return Array.from({ length: count }, (_, n) => {
    const c = templates[n % templates.length];
    if (!c) throw new Error('no demo cases');
    return {
      where: `row ${n + 2}`,
      values: {
        case_id: `I${laCode}-${String(n).padStart(6, '0')}`,
        la_code: laCode,
        setting_urn: String(810_000 + (n % 200)),
        child_name: `Child ${n} Fictional`,
        date_of_birth: c.child.dateOfBirth,
        nc_year: '',
        plan_issued_on: c.planIssuedOn,
        last_review_decision_on: c.lastReviewDecisionOn ?? '',
        transfer_kind: c.phaseTransfer?.kind ?? '',
        transfer_on: c.phaseTransfer?.on ?? '',
        review_meeting_on: '',
        amendment_notice_on: '',
      },
    };
  });
}

export interface ImportBench {
  readonly rows: number;
  readonly importMs: number;
  /** Documents the import left in each container. */
  readonly documents: Readonly<Record<string, number>>;
  /** Every document the import wrote (cases, settings, people, audit), bulk upserted. */
  readonly floorAllMs: number;
  /** The case documents alone, bulk upserted. */
  readonly floorCasesMs: number;
}

const SYSTEM = ['_rid', '_self', '_etag', '_attachments', '_ts'];

/** Imports `rows` into `target`, then bulk-upserts what it wrote into `floorAll` and `floorCases`. */
export async function benchImport(
  rows: readonly RawCaseRow[],
  today: PlainDate,
  target: StoreDatabase,
  floorAll: StoreDatabase,
  floorCases: StoreDatabase,
): Promise<ImportBench> {
  const stores = await storesOver(target);
  const t0 = performance.now();
  const result = await importCases(rows, {
    store: stores.cases,
    audit: stores.audit,
    today,
    now: () => new Date(),
  });
  const importMs = performance.now() - t0;
  if (result.counts.created !== rows.length)
    throw new Error(`the import created ${result.counts.created} of ${rows.length}`);

  const containers = ['cases', 'settings', 'audit', PEOPLE_CONTAINER.id] as const;
  const written: Record<string, { partitionKey: string; body: Record<string, unknown> }[]> = {};
  for (const name of containers) {
    const container = target.database.container(name);
    const { resource } = await container.read();
    const path = resource?.partitionKey?.paths?.[0]?.slice(1) ?? 'id';
    const { resources } = await container.items.readAll<Record<string, unknown>>().fetchAll();
    written[name] = resources.map((document) => {
      const body = Object.fromEntries(Object.entries(document).filter(([key]) => !SYSTEM.includes(key)));
      return { partitionKey: String(body[path]), body };
    });
  }
  const documents = Object.fromEntries(Object.entries(written).map(([name, list]) => [name, list.length]));

  await storesOver(floorAll); // the same containers, created before the clock starts
  const upsertAll = async (db: StoreDatabase, names: readonly string[]) => {
    const start = performance.now();
    await Promise.all(
      names.map(async (name) => {
        const results = await db.database.container(name).items.executeBulkOperations(
          (written[name] ?? []).map(({ partitionKey, body }) => ({
            operationType: 'Upsert' as const,
            partitionKey,
            resourceBody: body as { id: string },
          })),
        );
        const failed = results.filter((r) => r.error || (r.response && r.response.statusCode >= 400));
        if (failed.length > 0) throw new Error(`${failed.length} bulk upserts into ${name} failed`);
      }),
    );
    return performance.now() - start;
  };
  const floorAllMs = await upsertAll(floorAll, containers);
  const floorCasesMs = await upsertAll(floorCases, ['cases']);
  return { rows: rows.length, importMs, documents, floorAllMs, floorCasesMs };
}
