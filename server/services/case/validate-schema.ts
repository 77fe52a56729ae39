// Test helper: validates a package against the official 1EdTech CASE 1.1 CFPackage JSON Schema
// (draft 2019-09), read in place from ../shared/interop-samples and never copied here.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

export const interopSamples = resolve(import.meta.dirname, '../../../../shared/interop-samples/case');

let validator: ((data: unknown) => boolean) & { errors?: unknown } | undefined;

/** The schema's errors for `pkg` (an empty list when it validates). */
export function officialSchemaErrors(pkg: unknown): unknown[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(resolve(interopSamples, '1edtech_opencase_schemas/case-v1p1-cfpackage.official.json'), 'utf8')) as object;
    const ajv = new Ajv2019.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validator = ajv.compile(schema);
  }
  return validator(JSON.parse(JSON.stringify(pkg))) ? [] : ((validator.errors as unknown[]) ?? []).slice(0, 20);
}
