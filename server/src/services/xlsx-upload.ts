/**
 * The gate every uploaded .xlsx passes before exceljs opens it: a zip with a workbook, no macros or
 * embedded objects, unpacked with its output counted (`zip-counted.ts`), so a zip bomb is refused after
 * 50 MB of output instead of filling memory.
 */
import {
  UPLOAD_MAX_BYTES,
  UPLOAD_MAX_ENTRIES,
  UPLOAD_MAX_UNPACKED_BYTES,
} from '@pcmt/shared/uploads';
import { ApiError } from '../errors.ts';
import { unzipCounted } from './zip-counted.ts';

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

/** Unpacks the archive counting what it unpacks to; returns the names it holds and [Content_Types].xml. */
function unpackCounted(bytes: Uint8Array) {
  const { names, files } = unzipCounted(bytes, {
    maxEntries: UPLOAD_MAX_ENTRIES,
    maxUnpackedBytes: UPLOAD_MAX_UNPACKED_BYTES,
    keep: (name) => name === '[Content_Types].xml',
    forbidden: (name) =>
      ACTIVE_CONTENT.some((re) => re.test(name))
        ? refuse(422, `holds macros or embedded objects (${name}); save it as a plain .xlsx`)
        : null,
    refuse: (problem) =>
      problem === 'entries'
        ? refuse(422, `the archive holds more than ${UPLOAD_MAX_ENTRIES} entries`)
        : problem === 'unpacked'
          ? refuse(413, 'unpacks to more than 50 MB (an archive bomb?)')
          : problem === 'directory'
            ? refuse(
                422,
                'the archive’s directory does not match its entries (a disguised archive?)',
              )
            : refuse(422, 'the archive is damaged or uses an unsupported compression'),
  });
  const types = files.get('[Content_Types].xml');
  return { names, contentTypes: types ? Buffer.from(types).toString('utf8') : '' };
}

/** Throws a 4xx naming `file` unless the bytes are a plain, reasonably sized .xlsx workbook. */
export function inspectXlsx(bytes: Uint8Array): void {
  checkSignature(bytes);
  const { names, contentTypes } = unpackCounted(bytes);
  if (!names.includes('[Content_Types].xml') || !names.some((n) => /^xl\/workbook\.xml$/i.test(n)))
    throw refuse(415, 'a zip archive but not an .xlsx workbook');
  if (/macroEnabled/i.test(contentTypes))
    throw refuse(422, 'a macro-enabled workbook (.xlsm); save it as a plain .xlsx');
}
