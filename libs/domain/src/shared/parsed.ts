import type { DomainError } from './domain-error';

/** The outcome of parsing untrusted input into a value object. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: DomainError };
