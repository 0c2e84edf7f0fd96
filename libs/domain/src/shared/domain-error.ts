/**
 * A broken business rule. `code` is stable and machine-readable (clients switch on it);
 * `kind` decides the HTTP status at the edge; messages come in Chinese and English.
 */
export type DomainErrorKind =
  | 'VALIDATION' // the input itself is wrong (400)
  | 'FORBIDDEN' // the actor may not do this here (403)
  | 'NOT_FOUND' // the record does not exist (404)
  | 'CONFLICT'; // a rule or the record's state refuses it (409)

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    readonly messageZh: string,
    readonly messageEn: string,
    /** The field the rule is about, when there is one (dot path into the command data). */
    readonly field?: string,
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'DomainError';
  }
}

export const conflict = (code: string, zh: string, en: string, field?: string) =>
  new DomainError(code, 'CONFLICT', zh, en, field);
export const forbidden = (code: string, zh: string, en: string) => new DomainError(code, 'FORBIDDEN', zh, en);
export const invalid = (code: string, zh: string, en: string, field?: string) =>
  new DomainError(code, 'VALIDATION', zh, en, field);
export const notFound = (code: string, zh: string, en: string) => new DomainError(code, 'NOT_FOUND', zh, en);
