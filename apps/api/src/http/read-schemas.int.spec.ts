import * as fs from 'node:fs';
import { formatReadSchemas, generateReadSchemas, readSchemasFile, type ReadSchemas } from './read-schemas';

// Compiles the API's sources (a few seconds): the read routes' answers as the code says them now.
describe('read-schemas.json', () => {
  let generated: ReadSchemas;
  beforeAll(() => {
    generated = generateReadSchemas();
  }, 120_000);

  it('is what the route methods return today (else run `npm run openapi:reads`)', () => {
    expect(fs.readFileSync(readSchemasFile, 'utf8')).toBe(formatReadSchemas(generated));
  });

  it('gives every read route a JSON schema or a file, and names each view field as the view type does', () => {
    const station = generated.json.StationController_get as { required: string[]; properties: Record<string, unknown> };
    expect(station.required).toEqual(expect.arrayContaining(['id', 'plaqueNumber', 'status', 'revocations', 'position', 'revision', 'updatedAt']));
    expect(station.properties).not.toHaveProperty('_position');
    expect(generated.files).toContain('VoucherController_dashboardTable');
    for (const [operationId, schema] of Object.entries(generated.json)) expect({ operationId, empty: Object.keys(schema as object).length === 0 }).toEqual({ operationId, empty: false });
  });
});
