const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/** Refuses any key that is not `<uuid>/<uuid>`. */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  return key;
}

/** Where a file's bytes are kept: `<districtId>/<fileId>`. */
export const storageKey = (districtId: string, fileId: string) => checkKey(`${districtId}/${fileId}`);
