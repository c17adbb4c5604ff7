import type { TokenCredential } from '@azure/core-auth';
import { BlobServiceClient, type ContainerClient, RestError } from '@azure/storage-blob';
import type { AttachmentStore } from './attachment-store.ts';

/** Where attachments' bytes are: an account by URL with Entra ID, or a connection string (Azurite). */
export type BlobSettings =
  | { readonly kind: 'account'; readonly url: string; readonly container: string }
  | { readonly kind: 'connection-string'; readonly connectionString: string; readonly container: string };

/**
 * Attachments in Azure Blob Storage (`@azure/storage-blob`); locally and in tests, Azurite.
 *
 * @remarks In Azure the account allows no shared keys (infra/modules/storage.bicep): the app's managed
 * identity signs each request. A put never overwrites (`If-None-Match: *`), so a key is written once.
 */
export class BlobAttachmentStore implements AttachmentStore {
  readonly #container: ContainerClient;
  #ready: Promise<unknown> | undefined;
  readonly #createIfMissing: boolean;

  constructor(settings: BlobSettings, credential?: TokenCredential) {
    const service =
      settings.kind === 'account'
        ? new BlobServiceClient(settings.url, credential)
        : BlobServiceClient.fromConnectionString(settings.connectionString);
    this.#container = service.getContainerClient(settings.container);
    // Azure's container is made by infra; Azurite's is made on first use.
    this.#createIfMissing = settings.kind === 'connection-string';
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.#open();
    await this.#container.getBlockBlobClient(key).uploadData(bytes, {
      blobHTTPHeaders: { blobContentType: contentType },
      conditions: { ifNoneMatch: '*' },
    });
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    await this.#open();
    try {
      return await this.#container.getBlobClient(key).downloadToBuffer();
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.#open();
    await this.#container.getBlobClient(key).deleteIfExists();
  }

  async removeReview(reviewId: string): Promise<number> {
    await this.#open();
    let removed = 0;
    for await (const blob of this.#container.listBlobsFlat({
      prefix: `reviews/${encodeURIComponent(reviewId)}/`,
    })) {
      await this.#container.getBlobClient(blob.name).deleteIfExists();
      removed += 1;
    }
    return removed;
  }

  #open(): Promise<unknown> {
    if (!this.#createIfMissing) return Promise.resolve();
    this.#ready ??= this.#container.createIfNotExists().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }
}
