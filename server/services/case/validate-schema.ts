// Test helper: validates a package against the official 1EdTech CASE 1.1 CFPackage JSON Schema
// (draft 2019-09). The schema (Apache-2.0) and the OpenSALT samples (MIT) are committed as test
// fixtures with their LICENSE and SOURCE.txt, so the CASE tests pass in a plain clone.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

export const interopSamples = resolve(import.meta.dirname, '../../test/fixtures/case');

type Validator = ((data: unknown) => boolean) & { errors?: unknown };
let validator: Validator | undefined;
// The CommonJS build's default export, whichever way the loader hands it over.
const Ajv = ((Ajv2019 as unknown as { default?: typeof Ajv2019 }).default ?? Ajv2019) as typeof Ajv2019;
const withFormats = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as typeof addFormats;

/** The schema's errors for `pkg` (an empty list when it validates). */
export function officialSchemaErrors(pkg: unknown): unknown[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(resolve(interopSamples, '1edtech_opencase_schemas/case-v1p1-cfpackage.official.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    withFormats(ajv);
    validator = ajv.compile(schema) as Validator;
  }
  const validate = validator;
  return validate(JSON.parse(JSON.stringify(pkg))) ? [] : ((validate.errors as unknown[] | undefined) ?? []).slice(0, 20);
}
