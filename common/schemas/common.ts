import { z } from 'zod';

export const Uuid = z.uuid();
export const IsoDate = z.iso.date();

/** Paging for list endpoints. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const VersionInput = z.object({
  /** The version the client last read; a different current version answers 409 `conflict`. */
  version: z.number().int().positive(),
});

export const IdParams = z.object({ id: Uuid });
