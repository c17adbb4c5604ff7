import { Button, Field, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import {
  ALLOWED_WORDS,
  MAX_ATTACHMENT_BYTES,
  REDACT_REMINDER,
} from '../../../bot/src/review/contribute/attachment.ts';
import type { ApiClient } from '../api/client.ts';
import type { PublicAdvice } from '../api/types.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import type { ContributeCommand } from './use-contribute.ts';

/** Saves `blob` as a file named `name`, as a download link would. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function base64Of(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(text);
}

/** A document list with downloads, for any advice the reader may read. */
export function AttachmentList({
  client,
  laCode,
  caseId,
  attachments,
}: {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
  readonly attachments: PublicAdvice['attachments'];
}) {
  const [error, setError] = useState<unknown>();
  if (attachments.length === 0) return null;
  return (
    <>
      <ul aria-label="Supporting documents">
        {attachments.map((a) => (
          <li key={a.id}>
            {a.fileName} ({Math.max(1, Math.round(a.size / 1024))} KB
            {a.uploaderName ? `, attached by ${a.uploaderName}` : ''}){' '}
            <Button
              size="small"
              onClick={() =>
                client.attachment(laCode, caseId, a.id).then(
                  (blob) => saveFile(blob, a.fileName),
                  (caught: unknown) => setError(caught),
                )
              }
            >
              Download {a.fileName}
            </Button>
          </li>
        ))}
      </ul>
      {error ? <ErrorMessage title="The document could not be downloaded" error={error} /> : null}
    </>
  );
}

/**
 * Upload of a supporting document: the reminder to redact other children's names (UK GDPR), the
 * types and size accepted; the server checks the content itself and says so under the field.
 */
export function AttachmentUpload({
  client,
  laCode,
  caseId,
  requestId,
  command,
}: {
  readonly client: ApiClient;
  readonly laCode: string;
  readonly caseId: string;
  readonly requestId?: string;
  readonly command: ContributeCommand;
}) {
  const [tooBig, setTooBig] = useState<string>();
  const [done, setDone] = useState<string>();
  const served = command.problems.filter((p) => p.where === 'content' || p.where === 'fileName');
  const upload = async (file: File) => {
    setDone(undefined);
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setTooBig(
        `${file.name} is larger than ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB: it cannot be attached.`,
      );
      return;
    }
    setTooBig(undefined);
    const content = base64Of(new Uint8Array(await file.arrayBuffer()));
    const ok = await command.run((commandId) =>
      client.contribute(laCode, caseId, 'attachments', {
        commandId,
        ...(requestId ? { requestId } : {}),
        fileName: file.name,
        content,
      }),
    );
    if (ok) setDone(`${file.name} is attached.`);
  };
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{REDACT_REMINDER}</MessageBarBody>
      </MessageBar>
      <Field
        label="Attach a supporting document"
        hint={`${ALLOWED_WORDS}; at most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB.`}
        validationMessage={tooBig ?? (served.map((p) => p.message).join('; ') || undefined)}
      >
        {(fieldProps) => (
          <input
            {...fieldProps}
            type="file"
            disabled={command.busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void upload(file);
            }}
          />
        )}
      </Field>
      {done ? <Text role="status">{done}</Text> : null}
    </>
  );
}
