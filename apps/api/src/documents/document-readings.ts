import { RECORD_READINGS, type AnyReading } from '../audit/record-readings';

/** The kinds whose events fix documents by their digest. */
export const DOCUMENT_KINDS = ['application', 'station', 'provider', 'delivery', 'followup', 'activity', 'centre', 'annualreport', 'evaluation', 'voucher'] as const;

/**
 * The records whose events fix documents, each with its read rule: whoever may read the record may
 * open its documents, and nobody else. (An application's materials, a revocation's evidence, a
 * delivery's deliverables, an activity's materials, a report's or an evaluation's evidence, a
 * provider's entry materials, a voucher claim's dossier.)
 */
export const DOCUMENT_READINGS: Readonly<Record<string, AnyReading>> = Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, RECORD_READINGS[kind]]));
