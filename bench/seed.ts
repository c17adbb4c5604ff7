import type { CaseFile } from '../bot/src/review/case-file.ts';
import type { LaPolicy } from '../bot/src/review/policy.ts';
import { toCaseDocument } from '../bot/src/store/case-document.ts';
import type { StoreDatabase } from '../bot/src/store/database.ts';
import { SettingIndex } from '../bot/src/store/setting-index.ts';

/**
 * Writes `files` as the store would (`toCaseDocument`, the setting index), in bulk: the bench's data
 * is loaded fast, and the import benchmark is what measures writing through the store.
 */
export async function seedCases(
  db: StoreDatabase,
  files: readonly CaseFile[],
  policy: LaPolicy,
): Promise<void> {
  const settings = new SettingIndex(db.settings);
  const held = new Set<string>();
  for (const file of files) {
    const key = `${file.case.settingUrn}/${file.case.laCode}`;
    if (held.has(key)) continue;
    held.add(key);
    await settings.hold(file.case.settingUrn, file.case.laCode);
  }
  const results = await db.cases.items.executeBulkOperations(
    files.map((file) => ({
      operationType: 'Upsert' as const,
      partitionKey: file.case.laCode,
      resourceBody: toCaseDocument(file, policy) as unknown as { id: string },
    })),
  );
  const failed = results.filter((r) => r.error || (r.response && r.response.statusCode >= 400));
  if (failed.length > 0) throw new Error(`${failed.length} of ${files.length} seed writes failed`);
}
