import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import FIELD_LABELS from './field-labels.json';

/** Every request DTO class the API declares (the *.dto.ts files and the DTOs beside the controllers). */
function dtoClasses(): Function[] {
  const root = join(__dirname, '..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(dto|controller)\.ts$/.test(name)) files.push(path);
    }
  };
  walk(root);
  return files.flatMap((file) => Object.values(require(file) as Record<string, unknown>).filter((v): v is Function => typeof v === 'function'));
}

describe('request DTOs', () => {
  it('mark every nested object either optional or required, so leaving one out is a 400 naming it, not a 500', () => {
    const storage = getMetadataStorage();
    const unmarked: string[] = [];
    for (const dto of dtoClasses()) {
      const metadata = storage.getTargetValidationMetadatas(dto, '', true, false);
      const byProperty = new Map<string, string[]>();
      for (const m of metadata) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m.name ?? m.type]);
      for (const [property, rules] of byProperty) {
        const nested = metadata.some((m) => m.propertyName === property && m.type === 'nestedValidation' && !m.each);
        const marked = metadata.some((m) => m.propertyName === property && (m.type === 'conditionalValidation' || m.type === 'isDefined' || m.name === 'isObject'));
        if (nested && !marked) unmarked.push(`${dto.name}.${property} (${rules.join(', ')})`);
      }
    }
    expect(unmarked).toEqual([]);
  });

  it('give every field a Chinese name, so a refusal names it in Chinese too', () => {
    const storage = getMetadataStorage();
    const unnamed = new Set<string>();
    for (const dto of dtoClasses()) {
      for (const m of storage.getTargetValidationMetadatas(dto, '', true, false)) if (!(m.propertyName in FIELD_LABELS)) unnamed.add(`${dto.name}.${m.propertyName}`);
    }
    expect([...unnamed]).toEqual([]);
  });
});
