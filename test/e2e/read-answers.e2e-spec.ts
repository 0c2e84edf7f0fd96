import { INestApplication } from '@nestjs/common';
import type { Actor } from '@sme/domain';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { loadDemoData } from '../../apps/api/src/demo/demo-loader';
import { actors, client } from './support/station-lifecycle';
import { startTestApp } from './support/test-app';

/** The readers tried in turn, until one may read the route. */
const READERS: Actor[] = [
  { id: 'admin-1', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' },
  actors.auditor,
  actors.city,
  actors.hub,
  { id: 'evaluator-1', role: 'EVALUATOR', orgId: 'GZ-EVAL', regionCode: '440100' },
  { id: 'supervisor-1', role: 'SUPERVISOR', orgId: 'GZ-SUP', regionCode: '440100' },
];

/** What the reads that need a period or a year are asked (the demo's year). */
const QUERIES: Record<string, string> = {
  '/activities/figures': 'from=2026-01-01&until=2026-12-31&by=district',
  '/deliveries/figures': 'from=2026-01-01&until=2026-12-31',
  '/providers/movements': 'from=2026-01-01&to=2026-12-31',
  '/centres/summary': 'regionCode=440100&year=2026',
  '/annual-reports/missing': 'year=2026',
  '/targets/progress': 'regionCode=440100&from=2026-01-01&until=2026-12-31',
  '/targets/comparison': 'regionCode=440100&from=2026-07-01&until=2026-12-31&compareFrom=2026-01-01&compareUntil=2026-06-30',
  '/size-class': 'industryCode=INDUSTRY&employees=50&revenue=1000',
  '/dashboard': 'cityCode=440100',
  '/audit/personal-data-reads': 'on=2026-12-05',
  '/evaluators/records/deliveries': 'regionCode=440100&year=2026',
  '/evaluators/records/activities': 'regionCode=440100&year=2026',
  '/evaluators/records/feedback': 'regionCode=440100&year=2026',
  '/evaluators/records/demands': 'regionCode=440100&year=2026',
  '/evaluators/records/roll-up': 'regionCode=440100&year=2026',
};

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };

describe('Every read answers as OpenAPI documents it (the demo data, every kind)', () => {
  it('validates each JSON answer of each read route against its documented schema', async () => {
    const t = await startTestApp();
    try {
      await loadDemoData(t.app as INestApplication);
      const c = client(t);
      const doc = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, { get?: Operation }> };
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);

      const answers = new Map<string, unknown>();
      const read = async (path: string): Promise<{ status: number; body: unknown; type: string } | undefined> => {
        for (const reader of READERS) {
          const res = await c.get(reader, path);
          if (res.status !== 403) return { status: res.status, body: res.body, type: String(res.headers['content-type'] ?? '') };
        }
        return undefined;
      };
      const idsFrom = (listPath: string): string[] => {
        const body = answers.get(listPath) as { items?: { id?: unknown }[] } | undefined;
        return (body?.items ?? []).map((item) => item.id).filter((id): id is string => typeof id === 'string').slice(0, 3);
      };

      const failures: unknown[] = [];
      const validated = new Set<string>();
      const check = async (template: string, path: string, operation: Operation) => {
        const answer = await read(path);
        if (answer === undefined || answer.status !== 200 || !answer.type.startsWith('application/json')) return;
        answers.set(path, answer.body);
        const schema = operation.responses['200']?.content?.['application/json']?.schema;
        if (schema === undefined) return failures.push({ path, problem: 'no JSON schema documented' });
        const validate = ajv.compile(schema);
        if (!validate(answer.body)) failures.push({ path, errors: validate.errors?.slice(0, 5) });
        validated.add(template);
      };

      // Lists first (their items give the ids of the single reads), then one level of sub-records.
      const gets = Object.entries(doc.paths).flatMap(([template, item]) => (item.get ? [{ template, operation: item.get }] : []));
      for (const { template, operation } of gets.filter((g) => !g.template.includes('{'))) {
        await check(template, QUERIES[template] ? `${template}?${QUERIES[template]}` : template, operation);
      }
      for (const { template, operation } of gets.filter((g) => /^\/[^/]+\/\{id\}/.test(g.template) && g.template.split('{').length === 2)) {
        for (const id of idsFrom(`/${template.split('/')[1]}`)) await check(template, template.replace('{id}', id), operation);
      }

      // The routes with other parameters, from what the lists gave.
      const operationOf = (template: string) => doc.paths[template].get!;
      const items = (path: string) => ((answers.get(path) as { items?: Record<string, any>[] } | undefined)?.items ?? []);
      await check('/regions/{cityCode}/districts', '/regions/440100/districts', operationOf('/regions/{cityCode}/districts'));
      const station = items('/stations').find((s) => s.revocations.length > 0)!;
      await check('/streams/{streamId}/events', `/streams/station-${station.id}/events`, operationOf('/streams/{streamId}/events'));
      const proposal = '/stations/{id}/revocation-proposals/{proposalId}';
      await check(proposal, `/stations/${station.id}/revocation-proposals/${station.revocations[0].proposalId}`, operationOf(proposal));
      const programme = items('/voucher-programmes').find((p) => p.orders.length > 0)!;
      const order = programme.orders[0];
      for (const [template, path] of [
        ['/voucher-programmes/{id}/orders/{orderId}', `/voucher-programmes/${programme.id}/orders/${order.orderId}`],
        ['/voucher-programmes/{id}/statements/enterprises/{enterpriseId}', `/voucher-programmes/${programme.id}/statements/enterprises/${order.enterpriseId}`],
        ['/voucher-programmes/{id}/statements/providers/{providerId}', `/voucher-programmes/${programme.id}/statements/providers/${order.provider.id}`],
      ]) await check(template, path, operationOf(template));

      expect(failures).toEqual([]);
      // The demo data holds every kind: most read routes gave a 200 to check.
      expect(validated.size).toBeGreaterThanOrEqual(70);
    } finally {
      await t.close();
    }
  }, 120_000);
});
