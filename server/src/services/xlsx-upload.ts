/**
 * The gate every uploaded .xlsx passes before exceljs opens it: a zip with a workbook, no macros or
 * embedded objects, and what it unpacks to counted while it is unpacked (fflate's streaming inflater),
 * so a zip bomb is refused after 50 MB of output instead of filling memory. The sizes a zip declares
 * are not trusted: a bomb lies about them.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import {
  UPLOAD_MAX_BYTES,
  UPLOAD_MAX_ENTRIES,
  UPLOAD_MAX_UNPACKED_BYTES,
} from '@pcmt/shared/uploads';
import { ApiError } from '../errors.ts';

/** Entries that carry code or other documents: refused, whatever the file's extension says. */
const ACTIVE_CONTENT = [
  /vbaProject\.bin$/i,
  /^xl\/macrosheets\//i,
  /^xl\/dialogsheets\//i,
  /^xl\/activeX\//i,
  /^xl\/embeddings\//i,
  /^xl\/externalLinks\//i,
  /^customUI\//i,
];

const STEP = 1024;

const refuse = (status: 400 | 413 | 415 | 422, message: string) =>
  new ApiError(
    status,
    status === 413 ? 'payload_too_large' : 'file_invalid',
    `file: ${message}`,
    'file',
  );

function checkSignature(bytes: Uint8Array) {
  if (bytes.length === 0) throw refuse(400, 'the file is empty');
  if (bytes.length > UPLOAD_MAX_BYTES) throw refuse(413, 'larger than 5 MB');
  const head = Array.from(bytes.subarray(0, 4));
  if (head.join() === '208,207,17,224')
    throw refuse(415, 'this is an Excel 97–2003 (.xls) file: save it as .xlsx and upload again');
  if (head.join() !== '80,75,3,4')
    throw refuse(415, 'not an .xlsx workbook (a .csv, .xls or another file?)');
}

/** Unpacks the archive in memory, counting; returns the names it holds and [Content_Types].xml. */
function unpackCounted(bytes: Uint8Array) {
  const names: string[] = [];
  let total = 0;
  let contentTypes = '';
  let problem: ApiError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (problem) return;
    names.push(file.name);
    if (names.length > UPLOAD_MAX_ENTRIES) {
      problem = refuse(422, `the archive holds more than ${UPLOAD_MAX_ENTRIES} entries`);
      return;
    }
    if (ACTIVE_CONTENT.some((re) => re.test(file.name))) {
      problem = refuse(
        422,
        `holds macros or embedded objects (${file.name}); save it as a plain .xlsx`,
      );
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (problem) return;
      if (err) {
        problem = refuse(422, 'the archive is damaged');
        return;
      }
      total += data.length;
      if (total > UPLOAD_MAX_UNPACKED_BYTES) {
        problem = refuse(413, 'unpacks to more than 50 MB (an archive bomb?)');
        file.terminate();
        return;
      }
      if (file.name === '[Content_Types].xml') {
        chunks.push(data);
        if (final) contentTypes = Buffer.concat(chunks).toString('utf8');
      }
    };
    file.start();
  };
  try {
    // Fed a kilobyte at a time, the inflater's output per step stays near a megabyte even at deflate's
    // highest ratio (about 1 : 1000), so the count stops a bomb before it takes memory.
    for (let at = 0; at < bytes.length && !problem; at += STEP)
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch {
    problem ??= refuse(422, 'the archive is damaged or uses an unsupported compression');
  }
  if (problem) throw problem;
  return { names, contentTypes };
}

/**
 * The names the central directory lists (what exceljs will open), read without unpacking anything. They
 * must be exactly the entries the streaming pass walked and counted: an entry hidden inside another's data
 * (a stored entry whose size covers a second local header) is listed here but was never counted there.
 */
function directoryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    throw refuse(422, 'the archive is damaged');
  }
  return names;
}

/** Throws a 4xx naming `file` unless the bytes are a plain, reasonably sized .xlsx workbook. */
export function inspectXlsx(bytes: Uint8Array): void {
  checkSignature(bytes);
  const { names, contentTypes } = unpackCounted(bytes);
  const listed = directoryNames(bytes);
  const walked = new Set(names);
  if (listed.length !== names.length || listed.some((n) => !walked.has(n)))
    throw refuse(422, 'the archive’s directory does not match its entries (a disguised archive?)');
  if (!names.includes('[Content_Types].xml') || !names.some((n) => /^xl\/workbook\.xml$/i.test(n)))
    throw refuse(415, 'a zip archive but not an .xlsx workbook');
  if (/macroEnabled/i.test(contentTypes))
    throw refuse(422, 'a macro-enabled workbook (.xlsm); save it as a plain .xlsx');
}
