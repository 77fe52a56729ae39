import { describe, expect, it } from 'vitest';
import { planFromSourceUrl, readSourceSearch, sourceSearch } from './sourceLink.ts';

const item = { kind: 'assessment_item' as const, id: 'i-1', administrationId: 'a-1' };
const value = { kind: 'survey_result' as const, id: 'm-1', orgUnitId: 'o-1', periodId: 'p-1' };

describe('source links', () => {
  it('carry each kind with the ids it names, and read back the same', () => {
    expect(sourceSearch(item)).toBe('kind=assessment_item&id=i-1&administrationId=a-1');
    expect(readSourceSearch(new URLSearchParams(sourceSearch(item)))).toEqual(item);
    expect(readSourceSearch(new URLSearchParams(sourceSearch(value)))).toEqual(value);
    expect(planFromSourceUrl(value)).toBe('/action-plans/from-source?kind=survey_result&id=m-1&orgUnitId=o-1&periodId=p-1');
  });

  it('name no source without an id, or for a kind the team picks in the form', () => {
    expect(readSourceSearch(new URLSearchParams('kind=assessment_item'))).toBeNull();
    expect(readSourceSearch(new URLSearchParams('kind=pdsa_cycle&id=c-1'))).toBeNull();
    expect(readSourceSearch(new URLSearchParams(''))).toBeNull();
  });
});
