import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, IsInt, IsOptional, IsString, MetadataStorage, validate, ValidateBy, type ValidatorOptions } from 'class-validator';
import fc from 'fast-check';
import { aForm } from '@sme/domain/application/application.fixtures';
import { deliveryBody, entryApplication, handoverBody, policyBody } from '../../../../test/e2e/support/library-bodies';
import { CreateApplicationDto } from '../applications/application.dto';
import { DeliverServiceDto, RegisterDeliveryDto } from '../deliveries/delivery.dto';
import { AmendPolicyDto, PublishPolicyDto } from '../policies/policy.dto';
import { ApplyForEntryDto } from '../providers/provider.dto';
import { createRuleCheck } from './rule-check';
import { rememberValidationRules } from './validation-rules-memo';

/** The API's own options (validation.ts). */
const OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: true } };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Valid bodies of request classes with every kind of rule the API uses: nested objects and lists, optional, validateIf, each. */
const BODIES: [Function, Record<string, unknown>][] = [
  [CreateApplicationDto, { callId: '0b6f0a3e-1f0e-4c77-9a53-6a1f3f7c1a11', form: aForm(), occurredAt: '2019-06-10T10:00:00+08:00' }],
  [ApplyForEntryDto, entryApplication(7)],
  [PublishPolicyDto, { ...policyBody, eligibility: { industries: ['SOFTWARE_IT', 'RETAIL'], regionCodes: ['440106'] } }],
  [AmendPolicyDto, { title: '新标题', effectiveUntil: null }],
  [RegisterDeliveryDto, deliveryBody('6f1c2a7e-8b9d-4e3f-a1b2-c3d4e5f60718', '0b6f0a3e-1f0e-4c77-9a53-6a1f3f7c1a11', '2024-05-20')],
  [DeliverServiceDto, handoverBody('2024-05-21')],
];

/** Every place in a body: an object's property or a list's item, with the value there. */
function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((key) => places((value as Record<string | number, unknown>)[key], [...path, key]))];
}

/** What a sender might put in any place: wrong types, empty and overlong text, out-of-range numbers, a bad date, nothing. */
const replacement = fc.constantFrom<Json | undefined>(
  undefined, null, '', 'x'.repeat(6000), 'abc', '2019-02-30', '2099-01-01T00:00:00Z', '440106', -1, 0, 1.5, 1e12, true, {}, [], [null], ['IP', 'IP'], { unknown: 1 },
);

type Change = { path: (string | number)[]; to: Json | undefined } | { path: (string | number)[]; add: string };

function changed(body: unknown, change: Change): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  if (change.path.length === 0) return 'add' in change ? { ...copy, [change.add]: 1 } : change.to;
  let parent = copy as Record<string | number, unknown>;
  for (const key of change.path.slice(0, -1)) {
    // An earlier change may have replaced the way there.
    if (parent === null || typeof parent !== 'object') return copy;
    parent = parent[key] as Record<string | number, unknown>;
  }
  if (parent === null || typeof parent !== 'object') return copy;
  const last = change.path[change.path.length - 1];
  if ('add' in change) {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[change.add] = 1;
  } else if (change.to === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = change.to;
  return copy;
}

/** The body as the framework's pipe hands it to the validator: an instance of the class, nested classes inside. */
const asInstance = (dto: Function, body: unknown) => plainToInstance(dto as new () => object, body) as object;

async function validatorFinds(object: object): Promise<boolean> {
  return (await validate(object, OPTIONS)).length > 0;
}

describe('createRuleCheck', () => {
  beforeAll(() => rememberValidationRules());
  const check = createRuleCheck(OPTIONS);

  it.each(BODIES)('finds a valid %p body valid, as class-validator does', async (dto, body) => {
    const object = asInstance(dto, body);
    expect(await validatorFinds(object)).toBe(false);
    expect(check(object)).toBe(true);
  });

  it.each(BODIES)('answers as class-validator does for a %p body changed in one or two places', async (dto, body) => {
    const where = fc.constantFrom(...places(body));
    const change: fc.Arbitrary<Change> = fc.oneof(
      fc.record({ path: where, to: replacement }),
      fc.record({ path: where, add: fc.constantFrom('unknown', 'constructor', 'toString', '0') }),
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 2 }), async (changes) => {
        const sent = changes.reduce<unknown>((b, c) => (b !== null && typeof b === 'object' ? changed(b, c) : b), body);
        if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) return;
        const object = asInstance(dto, sent);
        const finds = await validatorFinds(object);
        if (finds) refused += 1;
        // Never valid where the validator finds an error; valid wherever it finds none (so the check saves its time).
        expect(check(object)).toBe(!finds);
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(refused).toBeGreaterThan(100);
  });

  describe('on rules of its own', () => {
    /** A storage of its own with the class's rules and their constraints, as its decorators wrote them into the global one. */
    const storageOf = (target: Function): MetadataStorage => {
      const global = getMetadataStorage();
      const own = new MetadataStorage();
      for (const rule of global.getTargetValidationMetadatas(target, '', true, false).filter((r) => r.target === target)) {
        own.addValidationMetadata(rule);
        for (const constraint of global.getTargetValidatorConstraints(rule.constraintCls)) own.addConstraintMetadata(constraint);
      }
      return own;
    };

    it('leaves a rule that answers later (a promise) to the validator', async () => {
      class Later {
        @ValidateBy({ name: 'later', validator: { validate: async () => true } }) code!: string;
      }
      const later = Object.assign(new Later(), { code: 'a' });
      expect(createRuleCheck(OPTIONS, storageOf(Later))(later)).toBe(false);
    });

    it('follows the options it knows, and leaves the others to the validator', () => {
      class Plain {
        @IsOptional() @IsString() name?: string;
        @IsInt() count!: number;
      }
      const own = storageOf(Plain);
      const plain = Object.assign(new Plain(), { count: 1, extra: true });
      expect(createRuleCheck(OPTIONS, own)(plain)).toBe(false);
      expect(createRuleCheck({}, own)(plain)).toBe(true);
      expect(createRuleCheck({ whitelist: true }, own)(plain)).toBe(false);
      expect(createRuleCheck({ skipMissingProperties: true }, own)(Object.assign(new Plain(), { count: 1 }))).toBe(false);
      expect(createRuleCheck({ groups: ['a'] }, own)(Object.assign(new Plain(), { count: 1 }))).toBe(false);
      expect(createRuleCheck({ forbidUnknownValues: false }, own)({})).toBe(true);
      expect(createRuleCheck({}, own)({})).toBe(false);
    });

    it('lets the validator meet a rule that throws', () => {
      class Throwing {
        @ValidateBy({ name: 'throws', validator: { validate: () => { throw new Error('boom'); } } }) code!: string;
      }
      expect(createRuleCheck(OPTIONS, storageOf(Throwing))(Object.assign(new Throwing(), { code: 'a' }))).toBe(false);
    });
  });
});
