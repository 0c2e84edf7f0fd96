import type { RecordedEvent } from '@sme/event-store';

/** The organisations a dossier can be about. */
export const DOSSIER_SUBJECTS = ['station', 'provider', 'centre', 'enterprise'] as const;
export type DossierSubject = (typeof DOSSIER_SUBJECTS)[number];

/**
 * The kinds of record a subject's dossier takes whole once one of their events names the subject: the
 * records about it (a station's application, deliveries, activities, reports; a provider's products
 * and cases), and the follow-ups of those. Records of other kinds (a call, a voucher programme, an
 * evaluation run, a policy) are shared by many: only their events that name the subject are taken.
 */
const WHOLE: Record<DossierSubject, readonly string[]> = {
  station: ['application', 'delivery', 'followup', 'activity', 'annualreport', 'demand'],
  provider: ['product', 'case', 'delivery', 'followup', 'activity', 'annualreport', 'demand'],
  centre: ['delivery', 'followup', 'activity', 'annualreport'],
  enterprise: ['delivery', 'followup', 'demand'],
};

const kindOf = (streamId: string) => streamId.slice(0, streamId.indexOf('-'));
const idOf = (streamId: string) => streamId.slice(streamId.indexOf('-') + 1);

/** Every string an event's data holds, at any depth: the ids it names among them. */
function stringsOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

/**
 * Which streams and events belong to a subject's dossier, decided in two passes over the log (the
 * first finds the streams, so that a record's events from before it named the subject are kept):
 * its own stream; every stream of a kind it takes whole whose events name the subject or a record
 * already in the dossier (a delivery's follow-ups); the records of such kinds its own events name
 * (a station's application); and, from every other stream, the single events that name any of them.
 */
export class DossierScope {
  private readonly streams = new Set<string>();
  private readonly ids = new Set<string>();
  /** Streams the subject's own events name (maybe), and every stream the log holds: those named that exist join. */
  private readonly named = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly whole: readonly string[];

  constructor(
    readonly subject: DossierSubject,
    readonly id: string,
  ) {
    this.whole = WHOLE[subject];
    this.streams.add(`${subject}-${id}`);
    this.ids.add(id);
  }

  /** Pass one: learns the streams of the dossier from one event, in log order. */
  learn(event: RecordedEvent): void {
    this.seen.add(event.streamId);
    const named = stringsOf(event.data);
    if (event.streamId === `${this.subject}-${this.id}`) {
      for (const value of named) for (const kind of this.whole) this.named.add(`${kind}-${value}`);
      return;
    }
    if (!this.whole.includes(kindOf(event.streamId)) || this.streams.has(event.streamId)) return;
    if ([...named].some((value) => this.ids.has(value))) this.adopt(event.streamId);
  }

  /** Between the passes: the records the subject's own events name join, when they exist. */
  finish(): void {
    for (const streamId of this.named) if (this.seen.has(streamId)) this.adopt(streamId);
    this.seen.clear();
  }

  /** The streams found, the subject's own first. */
  get streamIds(): string[] {
    return [...this.streams];
  }

  /** Pass two: whether the event is in the dossier. */
  holds(event: RecordedEvent): boolean {
    if (this.streams.has(event.streamId)) return true;
    for (const value of stringsOf(event.data)) if (this.ids.has(value)) return true;
    return false;
  }

  private adopt(streamId: string): void {
    this.streams.add(streamId);
    this.ids.add(idOf(streamId));
  }
}

/** Every document an event fixes by its digest: an object of its data with `sha256` (and usually `fileName`). */
export function documentsOf(event: RecordedEvent): { sha256: string; fileName: string | null }[] {
  const found: { sha256: string; fileName: string | null }[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (typeof record.sha256 === 'string' && /^[0-9a-f]{64}$/.test(record.sha256)) found.push({ sha256: record.sha256, fileName: typeof record.fileName === 'string' ? record.fileName : null });
      Object.values(record).forEach(walk);
    }
  };
  walk(event.data);
  return found;
}
