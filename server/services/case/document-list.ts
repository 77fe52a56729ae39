import { CaseFileError } from './messages.ts';
import { isObject, str } from './normalize.ts';

type Json = Record<string, unknown>;

const key = (obj: Json, name: string) => Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
const get = (obj: Json, name: string) => {
  const k = key(obj, name);
  return k === undefined ? undefined : obj[k];
};

/**
 * A CASE REST document list (`{"CFDocuments": [...]}`, what `GET /CFDocuments` answers) is not a
 * package: it names frameworks but holds none of their items. When it lists one document that
 * carries its package (a `CFPackage` object, or the package's sections beside the document's
 * fields), that package is what is read; any other list is refused with the reason, never
 * imported as an empty framework. Anything else is returned as it is.
 */
export function packageOfDocumentList(root: Json): Json {
  const docs = get(root, 'CFDocuments');
  if (!Array.isArray(docs) || get(root, 'CFItems') !== undefined || get(root, 'CFDocument') !== undefined) return root;
  if (docs.length === 1 && isObject(docs[0])) {
    const doc = docs[0];
    const embedded = get(doc, 'CFPackage');
    const packageKey = key(doc, 'CFPackage');
    const document = Object.fromEntries(Object.entries(doc).filter(([k]) => k !== packageKey));
    if (isObject(embedded) && get(embedded, 'CFItems') !== undefined)
      return get(embedded, 'CFDocument') === undefined ? { CFDocument: document, ...embedded } : embedded;
    if (get(doc, 'CFItems') !== undefined) {
      const sections = ['CFItems', 'CFAssociations', 'CFDefinitions', 'CFRubrics']
        .map((name) => key(doc, name))
        .filter((k): k is string => k !== undefined);
      return {
        CFDocument: Object.fromEntries(Object.entries(document).filter(([k]) => !sections.includes(k))),
        ...Object.fromEntries(sections.map((k) => [k, doc[k]])),
      };
    }
  }
  const titles = docs.flatMap((d) => (isObject(d) && str(d.title) ? [str(d.title)!.slice(0, 80)] : []));
  throw new CaseFileError('document_list', {
    titles: titles.length === 0 ? '–' : `${titles.slice(0, 3).join('; ')}${titles.length > 3 ? '; …' : ''}`,
  });
}
