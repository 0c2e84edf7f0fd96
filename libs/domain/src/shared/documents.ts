import { requireSha256 } from './digest';
import { fieldInvalid, requireText, type Label } from './validation';

/** A document a record fixes by its digest: a title, the file's name when given, its SHA-256. */
export type FixedDocument = { title: string; fileName?: string; sha256: string };

/**
 * A list of documents (a delivery's deliverables, an activity's materials), each checked: FIELD_REQUIRED
 * or FIELD_INVALID at `field.i.title|fileName|sha256`. Absent is an empty list.
 */
export function requireDocuments(value: unknown, field: string, labels: { list: Label; title: Label }): FixedDocument[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fieldInvalid(field, labels.list, '须为列表', 'must be a list');
  return value.map((item: unknown, i) => {
    const given = (item ?? {}) as { title?: unknown; fileName?: unknown; sha256?: unknown };
    const title = requireText(given.title, `${field}.${i}.title`, labels.title);
    const sha256 = requireSha256(given.sha256, `${field}.${i}.sha256`);
    const fileName = given.fileName === undefined ? undefined : requireText(given.fileName, `${field}.${i}.fileName`, { zh: '文件名', en: 'File name' });
    return { title, ...(fileName === undefined ? {} : { fileName }), sha256 };
  });
}
