import { z } from 'zod';

/** Attachments (lesson plans, work samples, photos, PDFs) of observations, coaching logs and action steps. */

export const FILE_OWNER_TYPES = ['observation', 'coaching_log', 'action_step'] as const;
export type FileOwnerType = (typeof FILE_OWNER_TYPES)[number];

export const FileAbilities = z.object({
  /** The uploader, or whoever may edit the record it is attached to. */
  delete: z.boolean(),
});

export const FileItem = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** Detected from the content. */
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    uploadedBy: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: z.string(),
    abilities: FileAbilities,
  })
  .meta({ id: 'FileItem' });
export type FileItem = z.infer<typeof FileItem>;

export const FileList = z
  .object({
    items: z.array(FileItem),
    /** May the caller attach files to this record? */
    canUpload: z.boolean(),
    /** The largest file accepted, in bytes. */
    maxBytes: z.number().int(),
    /** MIME types accepted (checked from the content). */
    accept: z.array(z.string()),
  })
  .meta({ id: 'FileList' });
export type FileList = z.infer<typeof FileList>;

/** The `details.code` of a refused upload, for the web app's message. */
export const FILE_REFUSALS = ['no_file', 'empty_file', 'type_not_allowed'] as const;
export type FileRefusal = (typeof FILE_REFUSALS)[number];
