/** Limits of every uploaded .xlsx, shared so the web can refuse a file before sending it. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** 5 MiB: a province's commune list or hotspot register is a few hundred KB. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** What the archive may unpack to, in all, and how many entries it may hold. */
export const UPLOAD_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
export const UPLOAD_MAX_ENTRIES = 300;
/** Data rows a sheet may hold: more than any province has communes or hotspots. */
export const UPLOAD_MAX_ROWS = 20_000;

/** An event's minute (biên bản): a PDF, 5 MiB at most (a scanned page or ten). */
export const PDF_MIME = 'application/pdf';
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** Minutes one event may carry. */
export const ATTACHMENTS_PER_EVENT = 10;

/** Evidence of a criterion's check: a PDF or a photo (PNG, JPEG), 5 MiB at most, known by its first bytes. */
export const EVIDENCE_MIMES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceMime = (typeof EVIDENCE_MIMES)[number];
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
/** Files one check may carry. */
export const EVIDENCE_PER_CHECK = 5;
