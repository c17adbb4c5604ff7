import sparticuz from '@sparticuz/chromium';

/**
 * Vitest global set-up: unpack the `@sparticuz/chromium` build once, before any test file runs.
 *
 * @remarks The package unpacks into the temporary folder and takes an existing file there as done, so
 * two test files unpacking at once could launch a half-written binary; unpacking here first leaves
 * them nothing to do. With `CHROMIUM_PATH` set the tests use that browser and nothing is unpacked.
 */
export default async function setup(): Promise<void> {
  if (!process.env.CHROMIUM_PATH) await sparticuz.executablePath();
}
