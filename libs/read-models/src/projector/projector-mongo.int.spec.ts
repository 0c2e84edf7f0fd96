import { randomUUID } from 'node:crypto';
import { MongoDocumentStore } from '../document-store/mongo-document-store';
import { projectorCrashSuite } from './projector-crash.suite';
import { projectorSuite } from './projector.suite';

const url = process.env.MONGODB_URL;

/** A fresh database per test on the configured server: mongodb://host:port/<name>. */
const databaseUrl = () => {
  const parsed = new URL(url!);
  parsed.pathname = `/projector_${randomUUID().slice(0, 8)}`;
  return parsed.toString();
};

if (url) {
  projectorSuite('Projector on MongoDB (MONGODB_URL)', async () => MongoDocumentStore.connect(databaseUrl()));
  projectorCrashSuite('Projector killed mid-batch (MongoDB)', databaseUrl);
} else {
  describe.skip('Projector on MongoDB (skipped: set MONGODB_URL=mongodb://… to run)', () => {
    it('runs the projector suites against a MongoDB-wire server', () => undefined);
  });
}
