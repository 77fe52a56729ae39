import fs from 'node:fs';
import path from 'node:path';

/**
 * Third-party OneRoster sets beside the repository, in ../shared/interop-samples/oneroster (or
 * under INTEROP_SAMPLES_DIR): GPL, so read in place and never copied here. A plain clone has no
 * such folder: tests built on them are then skipped with this reason, and our own fixtures
 * (roster-fixtures.ts, always run) cover the same behaviours.
 */
export const ONEROSTER_SAMPLES = path.join(
  process.env.INTEROP_SAMPLES_DIR ?? path.resolve(import.meta.dirname, '../../../shared/interop-samples'),
  'oneroster',
);
export const hasOneRosterSamples = fs.existsSync(path.join(ONEROSTER_SAMPLES, 'v1p2_full_dataset.zip'));
export const SAMPLES_SKIPPED = `skipped: needs the third-party OneRoster samples in ${ONEROSTER_SAMPLES}, which are not there (GPL, never copied into this repository)`;

/** A describe/it title that says why it is skipped when the samples are missing (and prints it once). */
export function withSamples(title: string): string {
  if (hasOneRosterSamples) return title;
  console.warn(`${title.replace(/\s*%s/, '')}: ${SAMPLES_SKIPPED}`);
  return `${title} (${SAMPLES_SKIPPED})`;
}
