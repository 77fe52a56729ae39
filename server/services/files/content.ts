import { fileTypeFromBuffer } from 'file-type';

/**
 * What may be attached, decided from the bytes (file-type), never from the name or the browser's
 * Content-Type: PDF, JPEG, PNG, WebP, Word/Excel/PowerPoint (OOXML) and plain text or CSV.
 */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

/** UTF-8 text with no control characters but tab, line breaks and form feed. */
function isPlainText(data: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The detected MIME type when it is allowed, else null (the upload is refused). */
export async function detectAllowedType(data: Buffer, name: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(data);
  if (detected) return ALLOWED_TYPES[detected.mime] ? detected.mime : null;
  if (!isPlainText(data)) return null;
  return /\.csv$/i.test(name) ? 'text/csv' : 'text/plain';
}

export const MAX_NAME_LENGTH = 120;

/**
 * The name a person gave, made safe to store and to send back: the last path part only (no `../`,
 * no folders), no control or bidirectional-override characters, no leading dots, at most
 * MAX_NAME_LENGTH characters keeping the extension; `file` when nothing is left.
 */
export function safeFileName(given: string): string {
  const base = given.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  if (!clean) return 'file';
  const chars = [...clean];
  if (chars.length <= MAX_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? [...clean.slice(dot)] : [];
  return chars.slice(0, MAX_NAME_LENGTH - ext.length).join('') + ext.join('');
}

/** A Content-Disposition naming the file: an ASCII fallback and the exact name in UTF-8 (RFC 6266). */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_')
    .trim();
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii || 'file'}"; filename*=UTF-8''${encoded}`;
}
