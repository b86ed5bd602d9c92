/** Magic-number checks for the file types applicants usually attach (ID scans, licences, letters). */

export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** Bytes needed by `sniff`. */
export const SNIFF_BYTES = 8;

/** The media type the first bytes prove, or null when they match none of pdf/png/jpeg. */
export function sniff(head: Buffer): SniffedType | null {
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Extensions whose content must match their magic number. */
export const SNIFFED_EXTENSIONS: Readonly<Record<string, SniffedType>> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** Media types recorded for other extensions an agency may accept; anything else is application/octet-stream. */
export const OTHER_MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.ofd': 'application/ofd',
  '.txt': 'text/plain',
  '.zip': 'application/zip',
};
