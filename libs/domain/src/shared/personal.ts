import type { TSchema } from '@sinclair/typebox';

/**
 * 个人信息: the fields of an event that hold a natural person's data (a name, a phone, an e-mail). They
 * are marked in the event's schema, so one definition says what is personal for the store (which
 * encrypts them per data subject), for AsyncAPI (which shows them as ciphertext) and for the docs.
 */
export const PERSONAL = 'x-personal';

/** What an erased personal field reads as, everywhere, once its key is deleted. */
export const ERASED = '已删除';

/** Marks a text field of a schema as personal data; the person is the object holding it. */
export const personal = <T extends TSchema>(schema: T): T => ({ ...schema, [PERSONAL]: true });

/** Whether a value is an erased personal field: it names nobody and equals no one. */
export const isErased = (value: unknown): boolean => value === ERASED;

type Node = TSchema & { [PERSONAL]?: boolean; properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; oneOf?: Node[] };

/**
 * The paths of the personal fields a payload schema marks, as dot paths with `*` for each array item
 * (`form.operator.contact.phone`, `ties.shareholders.*.name`). Its data subject is the object holding it.
 */
export function personalPaths(schema: TSchema): string[] {
  const found = new Set<string>();
  const walk = (node: Node, path: string[]) => {
    if (node[PERSONAL]) found.add(path.join('.'));
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, [...path, name]);
    if (node.items) walk(node.items, [...path, '*']);
    for (const variant of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(variant, path);
  };
  walk(schema as Node, []);
  return [...found];
}
