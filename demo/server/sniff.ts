/** Magic-number checks for the file types applicants usually attach (ID scans, licences, letters). */

export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** Bytes needed by `sniff`, `matchesSignature` and `isProgram` (a WebP's "WEBP" is at bytes 8–11). */
export const SNIFF_BYTES = 12;

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

const startsWith = (head: Buffer, ...bytes: number[]): boolean => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
/** ZIP local file header: .docx and .ofd are ZIP containers. */
const zip = (h: Buffer) => startsWith(h, 0x50, 0x4b, 0x03, 0x04);

/**
 * The first bytes other accepted types must start with (a file with one of these extensions and other content is
 * refused as `fileContent`). Not `.doc`: Word opens OLE files, RTF, and the HTML that many systems export as .doc,
 * so applicants have all three. Nor `.txt`, which has no signature.
 */
const SIGNATURES: Readonly<Record<string, (head: Buffer) => boolean>> = {
  '.gif': (h) => /^GIF8[79]a/.test(h.subarray(0, 6).toString('latin1')),
  '.webp': (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  '.tif': (h) => startsWith(h, 0x49, 0x49, 0x2a, 0x00) || startsWith(h, 0x4d, 0x4d, 0x00, 0x2a),
  '.tiff': (h) => startsWith(h, 0x49, 0x49, 0x2a, 0x00) || startsWith(h, 0x4d, 0x4d, 0x00, 0x2a),
  '.docx': zip,
  '.ofd': zip,
  '.zip': (h) => zip(h) || startsWith(h, 0x50, 0x4b, 0x05, 0x06),
};

/** False when `ext` is one of SIGNATURES and `head` does not start as that type does; true otherwise. */
export function matchesSignature(ext: string, head: Buffer): boolean {
  return !Object.hasOwn(SIGNATURES, ext) || SIGNATURES[ext]!(head);
}

/**
 * A program, whatever its name says: a Windows executable or DLL ("MZ" and the binary DOS header, so a text that
 * begins with the letters MZ is not one), ELF (Linux), Mach-O (macOS), or a script with a `#!/` line.
 */
export function isProgram(head: Buffer): boolean {
  if (startsWith(head, 0x4d, 0x5a) && head.subarray(2).includes(0)) return true;
  if (startsWith(head, 0x7f, 0x45, 0x4c, 0x46)) return true;
  const machO = [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]];
  if (machO.some((m) => startsWith(head, ...m))) return true;
  return head.subarray(0, 3).toString('latin1') === '#!/';
}
