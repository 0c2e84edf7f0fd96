#!/usr/bin/env node
// Tries the MongoDB operations the read side relies on against a running server and prints one
// line per operation: "ok" or "FAIL" with the server's error. Used to keep the table in
// docs/test-services.md honest; it is not part of the test suite.
//
//   node infra/test-services/ferretdb-probe.js [mongodb://127.0.0.1:27117/]
//
// Run it from the repository root so that `mongodb` resolves from its node_modules.
'use strict';

const { MongoClient } = require(require.resolve('mongodb', { paths: [process.cwd()] }));

const url = process.argv[2] || process.env.MONGODB_URL || 'mongodb://127.0.0.1:27117/';

async function main() {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  const db = client.db(`probe_${process.pid}`);
  const col = db.collection('things');
  let failures = 0;

  async function check(name, fn) {
    try {
      const result = await fn();
      console.log(`ok    ${name}${result === undefined ? '' : ` -> ${JSON.stringify(result)}`}`);
    } catch (err) {
      failures += 1;
      const code = err && err.code !== undefined ? ` code=${err.code}` : '';
      const codeName = err && err.codeName ? ` codeName=${err.codeName}` : '';
      console.log(`FAIL  ${name}:${code}${codeName} ${err && err.message}`);
    }
  }

  /** A check that `write` is refused: reports the error's code, name and message; no error fails it. */
  function checkRefused(name, write, noErrorMessage) {
    return check(name, async () => {
      try {
        await write();
      } catch (err) {
        return { code: err.code, name: err.name, message: err.message };
      }
      throw new Error(noErrorMessage);
    });
  }

  function expect(cond, what) {
    if (!cond) throw new Error(`unexpected result: ${what}`);
  }

  try {
    const info = await db.admin().command({ buildInfo: 1 });
    console.log(`server: ${info.version}${info.ferretdbVersion ? ` (FerretDB ${info.ferretdbVersion})` : ''}`);

    await check('ping', async () => (await db.admin().command({ ping: 1 })).ok);

    await check('insertMany', async () => {
      const r = await col.insertMany([
        { _id: 'a', name: 'Alpha Ltd', city: 'hz', employees: 12, _position: 3, tags: ['x', 'y'] },
        { _id: 'b', name: 'beta co', city: 'sh', employees: 40, _position: 1, tags: ['y'] },
        { _id: 'c', name: 'Gamma', city: 'hz', employees: 7, _position: 9, tags: [] },
        { _id: 'd', name: 'alphabet', city: 'bj', employees: 150, _position: 2, tags: ['z'] },
      ]);
      return r.insertedCount;
    });

    await check('insertOne', async () => (await col.insertOne({ _id: 'e', name: 'Epsilon', city: 'sh', employees: 3, _position: 0 })).acknowledged);

    await check('find by _id', async () => {
      const d = await col.findOne({ _id: 'a' });
      expect(d && d.name === 'Alpha Ltd', JSON.stringify(d));
      return d.name;
    });

    await check('find $regex (case-insensitive, anchored)', async () => {
      const ids = (await col.find({ name: { $regex: '^alpha', $options: 'i' } }).sort({ _id: 1 }).toArray()).map((d) => d._id);
      expect(ids.join() === 'a,d', ids.join());
      return ids;
    });

    await check('find $regex (RegExp object)', async () => {
      const ids = (await col.find({ name: /co$/ }).toArray()).map((d) => d._id);
      expect(ids.join() === 'b', ids.join());
      return ids;
    });

    await check('find $in', async () => {
      const ids = (await col.find({ city: { $in: ['hz', 'bj'] } }).sort({ _id: 1 }).toArray()).map((d) => d._id);
      expect(ids.join() === 'a,c,d', ids.join());
      return ids;
    });

    await check('find $gte + $lt', async () => {
      const ids = (await col.find({ employees: { $gte: 12, $lt: 100 } }).sort({ _id: 1 }).toArray()).map((d) => d._id);
      expect(ids.join() === 'a,b', ids.join());
      return ids;
    });

    await check('find on array field (equality on element)', async () => {
      const ids = (await col.find({ tags: 'y' }).sort({ _id: 1 }).toArray()).map((d) => d._id);
      expect(ids.join() === 'a,b', ids.join());
      return ids;
    });

    await check('sort desc + skip + limit', async () => {
      const ids = (await col.find({}).sort({ employees: -1 }).skip(1).limit(2).toArray()).map((d) => d._id);
      expect(ids.join() === 'b,a', ids.join());
      return ids;
    });

    await check('sort on two keys', async () => {
      const ids = (await col.find({}).sort({ city: 1, employees: -1 }).toArray()).map((d) => d._id);
      expect(ids.join() === 'd,a,c,b,e', ids.join());
      return ids;
    });

    await check('projection', async () => {
      const d = await col.findOne({ _id: 'a' }, { projection: { name: 1, _id: 0 } });
      expect(d && d.name && d._id === undefined && d.city === undefined, JSON.stringify(d));
      return d;
    });

    await check('countDocuments (filter)', async () => {
      const n = await col.countDocuments({ city: 'hz' });
      expect(n === 2, n);
      return n;
    });

    await check('countDocuments (no filter)', async () => col.countDocuments());
    await check('estimatedDocumentCount', async () => col.estimatedDocumentCount());

    await check('createIndex (single field)', async () => col.createIndex({ city: 1 }));
    await check('createIndex (compound)', async () => col.createIndex({ city: 1, employees: -1 }, { name: 'city_employees' }));
    await check('createIndex (unique)', async () => col.createIndex({ name: 1 }, { unique: true }));
    await check('listIndexes', async () => (await col.listIndexes().toArray()).map((i) => i.name));

    await checkRefused('unique index violation error code', () => col.insertOne({ _id: 'dup-name', name: 'Gamma' }), 'no error on duplicate unique key');
    await checkRefused('duplicate _id insert error code', () => col.insertOne({ _id: 'a', name: 'again' }), 'no error on duplicate _id');

    const guarded = db.collection('guarded');
    await check('replaceOne {_id, _position:{$lt}} upsert (new doc)', async () => {
      const r = await guarded.replaceOne({ _id: 'a', _position: { $lt: 5 } }, { _position: 5, v: 'first' }, { upsert: true });
      return { matched: r.matchedCount, modified: r.modifiedCount, upserted: r.upsertedId };
    });

    await check('replaceOne {_id, _position:{$lt}} upsert (newer position)', async () => {
      const r = await guarded.replaceOne({ _id: 'a', _position: { $lt: 7 } }, { _position: 7, v: 'second' }, { upsert: true });
      const d = await guarded.findOne({ _id: 'a' });
      expect(d && d.v === 'second' && d._position === 7, JSON.stringify(d));
      return { matched: r.matchedCount, modified: r.modifiedCount };
    });

    await check('replaceOne {_id, _position:{$lt}} upsert (stale position -> duplicate key)', async () => {
      try {
        await guarded.replaceOne({ _id: 'a', _position: { $lt: 6 } }, { _position: 6, v: 'stale' }, { upsert: true });
      } catch (err) {
        const d = await guarded.findOne({ _id: 'a' });
        expect(d && d.v === 'second', `document changed: ${JSON.stringify(d)}`);
        return { code: err.code, name: err.name, message: err.message };
      }
      const d = await guarded.findOne({ _id: 'a' });
      throw new Error(`no error; document is now ${JSON.stringify(d)}`);
    });

    await check('updateOne $set upsert', async () => {
      const r = await guarded.updateOne({ _id: 'b' }, { $set: { v: 'x', _position: 1 } }, { upsert: true });
      return { upserted: r.upsertedId };
    });

    await check('updateOne $inc', async () => {
      await guarded.updateOne({ _id: 'b' }, { $inc: { _position: 2 } });
      const d = await guarded.findOne({ _id: 'b' });
      expect(d._position === 3, JSON.stringify(d));
      return d._position;
    });

    await check('findOneAndUpdate returnDocument after', async () => {
      const r = await guarded.findOneAndUpdate({ _id: 'b' }, { $set: { v: 'y' } }, { returnDocument: 'after' });
      const doc = r && r.value !== undefined ? r.value : r;
      expect(doc && doc.v === 'y', JSON.stringify(r));
      return doc.v;
    });

    await check('bulkWrite (ordered replaceOne upserts)', async () => {
      const r = await guarded.bulkWrite([
        { replaceOne: { filter: { _id: 'c', _position: { $lt: 1 } }, replacement: { _position: 1 }, upsert: true } },
        { replaceOne: { filter: { _id: 'd', _position: { $lt: 1 } }, replacement: { _position: 1 }, upsert: true } },
      ]);
      return { upserted: r.upsertedCount };
    });

    await check('deleteMany', async () => (await guarded.deleteMany({ _id: { $in: ['c', 'd'] } })).deletedCount);

    await check('distinct', async () => {
      const v = (await col.distinct('city')).sort();
      expect(v.join() === 'bj,hz,sh', v.join());
      return v;
    });

    await check('distinct with filter', async () => {
      const v = (await col.distinct('city', { employees: { $gte: 10 } })).sort();
      expect(v.join() === 'bj,hz,sh', v.join());
      return v;
    });

    const byCity = async (accumulators) =>
      col
        .aggregate([{ $match: { employees: { $gte: 5 } } }, { $group: { _id: '$city', ...accumulators } }, { $sort: { _id: 1 } }])
        .toArray();

    await check('aggregate $match/$group{$sum:1}/$sort', async () => {
      const rows = await byCity({ n: { $sum: 1 } });
      expect(JSON.stringify(rows) === JSON.stringify([{ _id: 'bj', n: 1 }, { _id: 'hz', n: 2 }, { _id: 'sh', n: 1 }]), JSON.stringify(rows));
      return rows;
    });

    await check("aggregate $match/$group{$sum:'$field'}/$sort", async () => {
      const rows = await byCity({ employees: { $sum: '$employees' } });
      expect(JSON.stringify(rows) === JSON.stringify([{ _id: 'bj', employees: 150 }, { _id: 'hz', employees: 19 }, { _id: 'sh', employees: 40 }]), JSON.stringify(rows));
      return rows;
    });

    await check('aggregate $group with TWO accumulators', async () => {
      const rows = await byCity({ n: { $sum: 1 }, employees: { $sum: '$employees' } });
      expect(JSON.stringify(rows) === JSON.stringify([
        { _id: 'bj', n: 1, employees: 150 },
        { _id: 'hz', n: 2, employees: 19 },
        { _id: 'sh', n: 1, employees: 40 },
      ]), JSON.stringify(rows));
      return rows;
    });

    await check('aggregate $group _id: null', async () => {
      const rows = await col.aggregate([{ $group: { _id: null, total: { $sum: '$employees' } } }]).toArray();
      expect(rows.length === 1 && rows[0].total === 212, JSON.stringify(rows));
      return rows;
    });

    for (const op of ['$avg', '$min', '$max', '$push', '$addToSet', '$first', '$last']) {
      await check(`aggregate $group accumulator ${op}`, async () => byCity({ v: { [op]: '$employees' } }));
    }

    await check('aggregate $count', async () => (await col.aggregate([{ $match: { city: 'hz' } }, { $count: 'n' }]).toArray())[0]);

    await check('aggregate $skip/$limit/$project', async () =>
      col.aggregate([{ $sort: { _id: 1 } }, { $skip: 1 }, { $limit: 2 }, { $project: { _id: 1 } }]).toArray(),
    );

    await check('aggregate $lookup', async () =>
      col.aggregate([{ $lookup: { from: 'guarded', localField: '_id', foreignField: '_id', as: 'g' } }]).toArray(),
    );
    await check('aggregate $project with $concat', async () =>
      col.aggregate([{ $project: { label: { $concat: ['$city', '-', '$name'] } } }]).toArray(),
    );
    await check('aggregate $unwind', async () => (await col.aggregate([{ $unwind: '$tags' }]).toArray()).length);

    await check('find $expr', async () => (await col.find({ $expr: { $gt: ['$employees', 10] } }).toArray()).length);
    await check('find $elemMatch', async () =>
      (await col.find({ tags: { $elemMatch: { $eq: 'z' } } }).toArray()).map((d) => d._id),
    );
    await check('find $or / $ne / $exists / $nin', async () => {
      const ids = (
        await col.find({ $or: [{ city: 'bj' }, { employees: { $ne: 12, $lt: 10 } }], tags: { $exists: true }, _id: { $nin: ['x'] } }).toArray()
      ).map((d) => d._id);
      expect(ids.sort().join() === 'c,d', ids.join());
      return ids;
    });
    await check('find on dotted path', async () => {
      await col.insertOne({ _id: 'n', meta: { region: { code: '330100' } } });
      const ids = (await col.find({ 'meta.region.code': '330100' }).toArray()).map((d) => d._id);
      expect(ids.join() === 'n', ids.join());
      return ids;
    });

    await check('update pipeline ([{$set}])', async () => guarded.updateOne({ _id: 'b' }, [{ $set: { w: 1 } }]));

    await check('multi-document transaction', async () => {
      const session = client.startSession();
      try {
        await session.withTransaction(async () => {
          await guarded.insertOne({ _id: 'txn' }, { session });
        });
      } finally {
        await session.endSession();
      }
    });

    await check('change stream (watch)', async () => {
      const stream = guarded.watch();
      try {
        await stream.tryNext();
      } finally {
        await stream.close();
      }
    });

    await check('drop collection', async () => guarded.drop());
  } finally {
    await db.dropDatabase().catch(() => {});
    await client.close();
  }
  console.log(failures === 0 ? 'all operations ok' : `${failures} operation(s) failed`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
