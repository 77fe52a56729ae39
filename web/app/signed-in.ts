import i18n, { NAMESPACES, PUBLIC_NAMESPACES } from './i18n.ts';

type ShellModule = { default: typeof import('./AppLayout.tsx').AppLayout };
let loading: Promise<ShellModule> | undefined;

/**
 * The signed-in shell (navigation, header, menus) and every area's translations, fetched together
 * once: the sign-in page downloads neither, and pages inside the shell find their words loaded.
 * The sign-in form calls it on submit so the shell is on its way while the password is checked.
 */
export function loadSignedInShell(): Promise<ShellModule> {
  const areas = NAMESPACES.filter((ns) => !(PUBLIC_NAMESPACES as readonly string[]).includes(ns));
  loading ??= Promise.all([import('./AppLayout.tsx'), i18n.loadNamespaces(areas)]).then(
    ([module]) => ({ default: module.AppLayout }),
    (error: unknown) => {
      // A failed download (network, a deploy in between) is tried again on the next call.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
