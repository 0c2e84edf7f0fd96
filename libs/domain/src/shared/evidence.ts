import { requireSha256 } from './digest';
import { fieldInvalid, isNonBlank, requireNonEmptyList, requireText, type ListRequired } from './validation';

/** One item of evidence for an exit (a station's revocation, a provider's removal): what it shows, and the file when one was given. */
export type Evidence = { description: string; fileName?: string; sha256?: string };

/** At least one item (`required` otherwise): description and file name trimmed, the digest lower-cased. */
export function checkEvidence(evidence: unknown, field: string, required: ListRequired): Evidence[] {
  return requireNonEmptyList(evidence, field, required).map((given, i): Evidence => {
    const item = given as Partial<Evidence> | undefined;
    const at = `${field}.${i}`;
    const description = requireText(item?.description, `${at}.description`, { zh: '证据说明', en: 'Evidence description' });
    const { fileName, sha256 } = item ?? {};
    if (fileName !== undefined && !isNonBlank(fileName)) {
      throw fieldInvalid(`${at}.fileName`, { zh: '文件名', en: 'File name' }, '不能为空白', 'cannot be blank');
    }
    return {
      description,
      ...(fileName === undefined ? {} : { fileName: fileName.trim() }),
      ...(sha256 === undefined ? {} : { sha256: requireSha256(sha256, `${at}.sha256`) }),
    };
  });
}
