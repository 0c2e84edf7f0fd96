import { databaseNameFromUrl } from './mongo-document-store';

describe('databaseNameFromUrl', () => {
  it('reads the database from the URL path, if there is one', () => {
    expect(databaseNameFromUrl('mongodb://127.0.0.1:27017/ledger')).toBe('ledger');
    expect(databaseNameFromUrl('mongodb://user:p%40ss@a:1,b:2/ledger_prod?replicaSet=rs0')).toBe('ledger_prod');
    expect(databaseNameFromUrl('mongodb+srv://cluster.example.com/sme%5Fledger?retryWrites=true')).toBe('sme_ledger');
    expect(databaseNameFromUrl('mongodb://127.0.0.1:27017/')).toBeUndefined();
    expect(databaseNameFromUrl('mongodb://127.0.0.1:27017/?directConnection=true')).toBeUndefined();
    expect(databaseNameFromUrl('mongodb://127.0.0.1:27017')).toBeUndefined();
  });
});
