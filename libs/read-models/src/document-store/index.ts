export * from './document-store.port';
export { EmbeddedDocumentStore } from './embedded-document-store';
export { MongoDocumentStore, DEFAULT_DATABASE_NAME, databaseNameFromUrl } from './mongo-document-store';
export { FIELD_OPERATORS, LOGICAL_OPERATORS, assertFilter } from './document-rules';
export { compareValues } from './document-order';
export { Lease, LEASE_COLLECTION } from './lease';
