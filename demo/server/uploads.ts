/**
 * Reads a multipart/form-data submission: text parts become field values, file parts for the form's file
 * fields are streamed to disk under random names (never the client's name), hashed and sniffed on the way.
 * Nothing is kept in memory beyond the text values and a few bytes per file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, unlinkSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { findField } from '../../src/schema/request-form.js';
import type { RequestFormFeed } from '../../src/schema/request-form.js';
import { HttpError, pumpBody, tooLarge, type Language } from './http.js';
import { MultipartError, MultipartParser } from './multipart.js';
import type { PartInfo } from './multipart.js';
import { SNIFF_BYTES } from './sniff.js';

export interface Upload {
  field: string;
  /** The client's file name (last path component), for display only. */
  name: string;
  /** Bytes received (also when more than were stored). */
  size: number;
  sha256: string;
  head: Buffer;
  /** Random name under the upload directory; absent when the part was not stored (unknown field, too large). */
  storedName?: string;
  path?: string;
}

export interface MultipartSubmission {
  texts: Map<string, string[]>;
  uploads: Upload[];
}

export interface MultipartLimits {
  maxBytes: number;
  /** Largest text value, bytes. */
  maxTextBytes: number;
  /** All text values together, bytes. */
  maxTotalTextBytes: number;
  maxFiles: number;
  maxParts: number;
  /** Used for file fields that set no `maxSizeMB`. */
  defaultMaxSizeMB: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The field message of a text value over `max` bytes, in the applicant's language: shown as it is after the field's
 * label (说明：内容过长：…). In Chinese with the figure in characters too (3 bytes each in UTF-8: 256 KiB, about 87,000).
 */
const TOO_LONG: Record<Language, (max: number) => string> = {
  'zh-CN': (max) => `内容过长：每项填写内容最多 ${Math.floor(max / 1024)} KiB（约 ${Math.floor(max / 3 / 1000) / 10} 万个汉字），请删减后再提交。`,
  en: (max) => `Too long: this server takes at most ${Math.floor(max / 1024)} KiB of text per answer.`,
};

/** Deletes stored upload files (best effort; used when a submission is refused or was a retry). */
export function removeUploads(uploads: readonly Upload[]): void {
  for (const u of uploads) {
    if (!u.path) continue;
    try {
      unlinkSync(u.path);
    } catch {
      /* already gone */
    }
  }
}

export async function receiveMultipart(
  req: IncomingMessage,
  boundary: string,
  form: RequestFormFeed,
  uploadDir: string,
  limits: MultipartLimits,
  /** The language of the words a field message is given in (answerLanguage). */
  lang: Language = 'zh-CN',
): Promise<MultipartSubmission> {
  const texts = new Map<string, string[]>();
  const uploads: Upload[] = [];
  const writes: Promise<void>[] = [];
  let totalText = 0;
  let files = 0;

  // State of the part being read.
  let part: PartInfo | null = null;
  let textChunks: Buffer[] = [];
  let textSize = 0;
  let file: { upload: Upload; hash: ReturnType<typeof createHash>; stream?: WriteStream; max: number } | null = null;
  let drain: Promise<void> | null = null;
  const openStreams = new Set<WriteStream>();
  // A file that cannot be written (disk full, upload directory gone) fails the request, never the process: the error
  // is kept here and thrown from the request's own flow, where it becomes a 503 the client retries.
  let writeError: unknown = null;

  const parser = new MultipartParser(
    boundary,
    {
      onPartStart(info) {
        part = info;
        if (info.filename === undefined) {
          textChunks = [];
          textSize = 0;
          return;
        }
        if (++files > limits.maxFiles) throw new HttpError(400, 'tooManyFiles', `At most ${limits.maxFiles} files may be attached.`);
        const upload: Upload = { field: info.name, name: info.filename, size: 0, sha256: '', head: Buffer.alloc(0) };
        const field = findField(form, info.name);
        const max = Math.floor((field?.maxSizeMB ?? limits.defaultMaxSizeMB) * 1024 * 1024);
        file = { upload, hash: createHash('sha256'), max };
        if (field?.type === 'file' && info.filename !== '') {
          upload.storedName = randomBytes(16).toString('hex');
          upload.path = join(uploadDir, upload.storedName);
          const stream = createWriteStream(upload.path, { flags: 'wx', mode: 0o600 });
          openStreams.add(stream);
          file.stream = stream;
          writes.push(
            new Promise<void>((resolve) => {
              stream.on('close', () => {
                openStreams.delete(stream);
                resolve();
              });
              stream.on('error', (error) => {
                writeError ??= error;
                openStreams.delete(stream);
                resolve();
              });
            }),
          );
        }
        uploads.push(upload);
      },
      onPartData(chunk) {
        if (file) {
          const u = file.upload;
          if (u.head.length < SNIFF_BYTES) u.head = Buffer.concat([u.head, chunk.subarray(0, SNIFF_BYTES - u.head.length)]);
          u.size += chunk.length;
          file.hash.update(chunk);
          if (file.stream && u.size <= file.max) {
            if (!file.stream.write(chunk)) {
              const s = file.stream;
              drain = new Promise<void>((resolve) => {
                s.once('drain', resolve);
                s.once('error', () => resolve());
              });
            }
          } else if (file.stream) {
            // Larger than the field allows: stop storing; the size check refuses it later.
            file.stream.destroy();
            file.stream = undefined;
          }
          return;
        }
        textSize += chunk.length;
        totalText += chunk.length;
        // One answer too long is that field's problem, said at the field (a 413 would be read as attachments too large).
        if (textSize > limits.maxTextBytes) {
          const name = part!.name;
          throw new HttpError(422, 'invalidFields', `The value of "${name}" is too long.`, { [name]: TOO_LONG[lang](limits.maxTextBytes) }, { 'Content-Language': lang });
        }
        if (totalText > limits.maxTotalTextBytes) throw tooLarge(limits.maxTotalTextBytes, 'text', 'The text values together are too large.');
        textChunks.push(chunk);
      },
      onPartEnd() {
        if (file) {
          file.upload.sha256 = file.hash.digest('hex');
          file.stream?.end();
          file = null;
        } else if (part) {
          let value: string;
          try {
            value = utf8.decode(Buffer.concat(textChunks));
          } catch {
            throw new HttpError(400, 'invalidBody', 'A text part is not valid UTF-8.');
          }
          const list = texts.get(part.name) ?? [];
          list.push(value);
          texts.set(part.name, list);
          textChunks = [];
        }
        part = null;
      },
    },
    { maxHeaderBytes: 16 * 1024, maxParts: limits.maxParts },
  );

  try {
    const failed = () => {
      if (writeError) throw new HttpError(503, 'storageUnavailable', 'The application could not be stored; try again later.');
    };
    await pumpBody(req, limits.maxBytes, (chunk) => {
      failed();
      parser.write(chunk);
      if (drain) {
        const d = drain;
        drain = null;
        return d;
      }
    });
    parser.end();
    await Promise.all(writes);
    failed();
  } catch (error) {
    for (const s of openStreams) s.destroy();
    await Promise.allSettled(writes);
    removeUploads(uploads);
    if (error instanceof MultipartError) throw new HttpError(400, 'invalidMultipart', error.message);
    throw error;
  }
  // Files cut off for size were partly written: remove them now, they are refused anyway.
  for (const u of uploads) {
    const field = findField(form, u.field);
    const max = Math.floor((field?.maxSizeMB ?? limits.defaultMaxSizeMB) * 1024 * 1024);
    if (u.path && u.size > max) {
      removeUploads([u]);
      delete u.path;
      delete u.storedName;
    }
  }
  return { texts, uploads };
}
