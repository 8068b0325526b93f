import { isNumber, isString, objectOf } from '../../../functions/vocabulary/json-guards.ts';

/**
 * The browser's Back and Forward move between the wizard's pages, as people expect of anything that looks like
 * pages, instead of leaving the form. Each page the reporter moves to gets a history entry of its own (same URL).
 */

interface StepState {
  wizardPage: string;
  /** How many steps into this visit the entry is, so the wizard's own Tilbake can tell whether it is a history step. */
  wizardDepth: number;
}

export interface StepHistory {
  /** The wizard showed this page: a new entry, unless it is the page the current entry already holds. */
  moved(page: string): void;
  /** True when the entry before this one holds that page; then Tilbake is the browser's Back, and `onStep` follows. */
  backTo(page: string): boolean;
  /** Leaves for `url` so that Back from there skips the steps just taken: they hold a report already sent. */
  leave(url: string): void;
}

const isStepState = objectOf<StepState>({ wizardPage: isString, wizardDepth: isNumber });

export function followBrowserHistory(firstPage: string, onStep: (page: string) => void): StepHistory {
  const trail = [firstPage];
  let depth = 0;
  // While following Back or Forward, a page the wizard shows instead (the one asked for no longer applies) takes
  // over that entry rather than cutting off the entries after it.
  let following = false;
  let leaving = false;
  history.replaceState({ wizardPage: firstPage, wizardDepth: depth } satisfies StepState, '');
  window.addEventListener('popstate', (event) => {
    if (leaving || !isStepState(event.state)) return;
    depth = event.state.wizardDepth;
    trail[depth] = event.state.wizardPage;
    following = true;
    try {
      onStep(event.state.wizardPage);
    } finally {
      following = false;
    }
  });
  return {
    moved(page) {
      if (trail[depth] === page) return;
      if (following) {
        trail[depth] = page;
        history.replaceState({ wizardPage: page, wizardDepth: depth } satisfies StepState, '');
        return;
      }
      depth += 1;
      trail.splice(depth, trail.length, page);
      history.pushState({ wizardPage: page, wizardDepth: depth } satisfies StepState, '');
    },
    backTo(page) {
      if (depth === 0 || trail[depth - 1] !== page) return false;
      history.back();
      return true;
    },
    leave(url) {
      leaving = true;
      if (depth === 0) return location.replace(url);
      // Every entry down to depth 0 belongs to this page, so going there is a popstate here, not a page load, and
      // the receipt replaces that entry only once the browser is there. No timer as a fallback: on a slow phone the
      // way back can take longer than any timer, and a receipt opened before it arrives is cut off by it.
      window.addEventListener('popstate', () => location.replace(url), { once: true });
      history.go(-depth);
    },
  };
}
