import type { RecordedEvent } from '@sme/event-store';
import { toKafkaCloudEvent } from './cloudevents';
import { EVENT_FAMILIES } from './event-catalogue';

const submitted: RecordedEvent = {
  id: '6f1c2a8e-2b0e-4f57-9a51-6d2d3b8f0c11',
  type: 'ApplicationSubmitted',
  schemaVersion: 1,
  streamId: 'application-0b9d6c1e-1111-4222-8333-444455556666',
  revision: 3n,
  position: 42n,
  data: { applicationId: '0b9d6c1e-1111-4222-8333-444455556666', callId: 'c', submittedAt: '2019-06-10T02:00:00.000Z' },
  metadata: {
    occurredAt: '2019-06-10T02:00:00.000Z',
    recordedAt: '2026-11-22T01:00:00.000Z',
    actor: { id: 'operator-1', role: 'STATION_OPERATOR', orgId: '91440106MA59C3PL24', regionCode: '440106' },
    correlationId: 'corr-1',
    causationId: null,
    legalBasis: '穗工信函〔2019〕1100号',
  },
  hash: 'h',
  previousHash: 'p',
};

describe('CloudEvents mapping (Kafka binding, binary mode)', () => {
  it('maps an event to a keyed message with ce_ headers and the data as JSON value', () => {
    expect(toKafkaCloudEvent(submitted, 'sme.')).toEqual({
      topic: 'sme.applications.v1',
      key: submitted.streamId,
      value: JSON.stringify(submitted.data),
      headers: {
        ce_specversion: '1.0',
        ce_id: submitted.id,
        ce_type: 'cn.sme-ledger.station.application.submitted.v1',
        ce_source: '/sme-ledger/applications',
        ce_subject: '0b9d6c1e-1111-4222-8333-444455556666',
        ce_time: '2019-06-10T02:00:00.000Z',
        'content-type': 'application/json',
        ce_recordedat: '2026-11-22T01:00:00.000Z',
        ce_actorrole: 'STATION_OPERATOR',
        ce_actorid: 'operator-1',
        ce_correlationid: 'corr-1',
        ce_streamrevision: '3',
        ce_logposition: '42',
        ce_legalbasis: '穗工信函〔2019〕1100号',
      },
    });
  });

  it('marks a correction with the event it corrects, and a back-dated act', () => {
    const correction = { ...submitted, metadata: { ...submitted.metadata, corrects: '11111111-2222-4333-8444-555555555555', backdatingReason: '纸质材料补录' } };
    expect(toKafkaCloudEvent(correction, '')?.headers).toMatchObject({ ce_corrects: '11111111-2222-4333-8444-555555555555', ce_backdated: 'true' });
    expect(toKafkaCloudEvent(submitted, '')?.headers).not.toHaveProperty('ce_corrects');
  });

  it('carries the schema version in the type', () => {
    expect(toKafkaCloudEvent({ ...submitted, schemaVersion: 2 }, '')?.headers.ce_type).toBe('cn.sme-ledger.station.application.submitted.v2');
  });

  it('leaves streams outside the catalogue unpublished', () => {
    expect(toKafkaCloudEvent({ ...submitted, streamId: 'checkpoint-relay' }, 'sme.')).toBeUndefined();
  });

  it('gives every event type a distinct CloudEvents type', () => {
    const types = EVENT_FAMILIES.flatMap((f) => Object.values(f.events).map((e) => `${f.typeNamespace}.${e.action}`));
    expect(new Set(types).size).toBe(types.length);
    expect(types.every((t) => /^cn\.sme-ledger(\.[a-z-]+)+$/.test(t))).toBe(true);
  });
});
