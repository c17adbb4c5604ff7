import { BlobServiceClient } from '@azure/storage-blob';
import { type LocalBlob, startLocalBlob } from '../../bot/src/attachments/local-blob.ts';

export interface TestBlob extends LocalBlob {
  /** Every blob name in `container`, for checking what was stored. */
  names(container?: string): Promise<string[]>;
}

/** A fresh Azurite blob service on 127.0.0.1 (a free port), in memory. */
export async function startTestBlob(): Promise<TestBlob> {
  const blob = await startLocalBlob(0);
  return {
    ...blob,
    async names(container = 'attachments') {
      const client = BlobServiceClient.fromConnectionString(blob.connectionString).getContainerClient(
        container,
      );
      if (!(await client.exists())) return [];
      const names: string[] = [];
      for await (const item of client.listBlobsFlat()) names.push(item.name);
      return names;
    },
  };
}
