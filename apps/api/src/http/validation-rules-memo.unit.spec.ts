import { getMetadataStorage, IsInt, IsString, MetadataStorage, validate } from 'class-validator';
import { rememberValidationRules } from './validation-rules-memo';

class Parent {
  @IsString()
  name!: string;
}

class Child extends Parent {
  @IsInt()
  count!: number;
}

/** A storage of its own with two classes' rules, as the decorators would have written them into the global one. */
function storageWithRules(): MetadataStorage {
  const storage = new MetadataStorage();
  const global = getMetadataStorage();
  for (const target of [Parent, Child]) {
    for (const rule of global.getTargetValidationMetadatas(target, '', true, false).filter((r) => r.target === target)) storage.addValidationMetadata(rule);
  }
  return storage;
}

const names = (rules: readonly { propertyName: string }[]) => rules.map((r) => r.propertyName).sort();

describe('rememberValidationRules', () => {
  it('answers as class-validator does, inherited rules included', () => {
    const plain = storageWithRules();
    const remembering = storageWithRules();
    rememberValidationRules(remembering);
    for (const target of [Parent, Child]) {
      expect(names(remembering.getTargetValidationMetadatas(target, '', false, false))).toEqual(names(plain.getTargetValidationMetadatas(target, '', false, false)));
    }
    expect(names(remembering.getTargetValidationMetadatas(Child, '', false, false))).toEqual(['count', 'name']);
  });

  it('looks a class up once for the same options, and hands out a frozen answer', () => {
    const storage = storageWithRules();
    rememberValidationRules(storage);
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, ['a-group'])).not.toBe(first);
  });

  it('groups a remembered answer by property once, as class-validator would, and frozen', () => {
    const plain = storageWithRules();
    const storage = storageWithRules();
    rememberValidationRules(storage);
    const rules = storage.getTargetValidationMetadatas(Child, '', false, false);
    const grouped = storage.groupByPropertyName(rules);
    expect(storage.groupByPropertyName(rules)).toBe(grouped);
    expect(Object.isFrozen(grouped) && Object.isFrozen(grouped.count)).toBe(true);
    const expected = plain.groupByPropertyName(plain.getTargetValidationMetadatas(Child, '', false, false));
    expect(Object.keys(grouped).sort()).toEqual(Object.keys(expected).sort());
    expect(grouped.name.map((r) => r.type)).toEqual(expected.name.map((r) => r.type));
    // An array it did not hand out is grouped afresh.
    const loose = [...rules];
    expect(storage.groupByPropertyName(loose)).not.toBe(storage.groupByPropertyName(loose));
  });

  it('forgets what it remembered when a rule is added later', () => {
    const storage = storageWithRules();
    rememberValidationRules(storage);
    const before = storage.getTargetValidationMetadatas(Child, '', false, false);
    const [nameRule] = before.filter((r) => r.propertyName === 'name');
    storage.addValidationMetadata({ ...nameRule, target: Child, propertyName: 'late' } as typeof nameRule);
    expect(names(storage.getTargetValidationMetadatas(Child, '', false, false))).toEqual(['count', 'late', 'name']);
  });

  it('is installed once however often it is called', () => {
    const storage = storageWithRules();
    rememberValidationRules(storage);
    const installed = storage.getTargetValidationMetadatas;
    rememberValidationRules(storage);
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });

  it('leaves the global storage validating as before', async () => {
    rememberValidationRules();
    const errors = await validate(Object.assign(new Child(), { name: 42, count: 'x' }));
    expect(errors.map((e) => e.property).sort()).toEqual(['count', 'name']);
  });
});
