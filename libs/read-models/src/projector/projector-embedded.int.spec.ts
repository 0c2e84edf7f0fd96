import { join } from 'node:path';
import { openSqliteDatabase } from '@sme/event-store';
import { EmbeddedDocumentStore } from '../document-store/embedded-document-store';
import { projectorCrashSuite } from './projector-crash.suite';
import { projectorSuite } from './projector.suite';

projectorSuite('Projector on the embedded document store', async ({ dir }) => new EmbeddedDocumentStore(openSqliteDatabase(join(dir, 'read-models.sqlite'))));
projectorCrashSuite('Projector killed mid-batch (embedded document store)', () => undefined);
