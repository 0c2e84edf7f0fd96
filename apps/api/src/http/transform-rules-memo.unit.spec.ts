import 'reflect-metadata';
import { Expose, plainToInstance, Transform, Type } from 'class-transformer';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { TransformationType } from 'class-transformer';
import { rememberTransformRules } from './transform-rules-memo';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MetadataStorage: Storage } = require('class-transformer/cjs/MetadataStorage') as { MetadataStorage: new () => MetadataStorage };

class Inner {
  @Transform(({ value }) => String(value).trim())
  note!: string;
}

class Outer {
  @Type(() => Inner)
  inner!: Inner;

  @Expose({ name: 'label' })
  title!: string;
}

/** A storage of its own holding what the decorators above wrote into the global one. */
function storageWithRules(): MetadataStorage {
  const storage = new Storage();
  storage.addTypeMetadata({ target: Outer, propertyName: 'inner', reflectedType: Inner, typeFunction: () => Inner, options: {} });
  storage.addExposeMetadata({ target: Outer, propertyName: 'title', options: { name: 'label' } });
  storage.addTransformMetadata({ target: Inner, propertyName: 'note', transformFn: ({ value }) => String(value).trim(), options: {} });
  return storage;
}

describe('rememberTransformRules', () => {
  it('answers as class-transformer does', () => {
    const plain = storageWithRules();
    const remembering = storageWithRules();
    rememberTransformRules(remembering);
    expect(remembering.findTypeMetadata(Outer, 'inner').reflectedType).toBe(plain.findTypeMetadata(Outer, 'inner').reflectedType);
    expect(remembering.getExposedProperties(Outer, TransformationType.PLAIN_TO_CLASS)).toEqual(plain.getExposedProperties(Outer, TransformationType.PLAIN_TO_CLASS));
    expect(remembering.findTransformMetadatas(Inner, 'note', TransformationType.PLAIN_TO_CLASS)).toHaveLength(1);
    expect(remembering.getStrategy(Outer)).toBe(plain.getStrategy(Outer));
  });

  it('looks a class up once per arguments, hands out frozen arrays, and forgets when a decorator is added', () => {
    const storage = storageWithRules();
    rememberTransformRules(storage);
    const exposed = storage.getExposedProperties(Outer, TransformationType.PLAIN_TO_CLASS);
    expect(storage.getExposedProperties(Outer, TransformationType.PLAIN_TO_CLASS)).toBe(exposed);
    expect(Object.isFrozen(exposed)).toBe(true);
    expect(storage.getExposedProperties(Outer, TransformationType.CLASS_TO_PLAIN)).not.toBe(exposed);
    storage.addExposeMetadata({ target: Outer, propertyName: 'extra', options: {} });
    expect(storage.getExposedProperties(Outer, TransformationType.PLAIN_TO_CLASS)).toEqual(['title', 'extra']);
  });

  it('leaves plainToInstance as it was, on the global store', () => {
    rememberTransformRules();
    rememberTransformRules(); // once only
    for (let i = 0; i < 2; i++) {
      const outer = plainToInstance(Outer, { inner: { note: '  意见  ' }, label: '标题' });
      expect(outer).toBeInstanceOf(Outer);
      expect(outer.inner).toBeInstanceOf(Inner);
      expect(outer.inner.note).toBe('意见');
      expect(outer.title).toBe('标题');
    }
  });
});
