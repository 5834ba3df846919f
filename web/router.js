// The page's one state, kept in the URL: app.js and report.js both move through it here, so that neither imports
// the other. navigate() pushes a history entry (Back returns) and asks the registered renderer to draw it.
import {readState, writeState} from './state.js';

let state = readState(location.search);
let renderer = () => {};

/** Moves to a new state: a new history entry (Back returns), then renders it. */
export function navigate(next, {entry = null} = {}) {
  state = next;
  const query = writeState(next);
  history.pushState(entry, '', `${location.pathname}${query ? '?' + query : ''}`);
  renderer();
}

export function currentState() {
  return state;
}

/** Sets what draws the state (once, by app.js), and redraws on Back / Forward. */
export function onNavigate(render) {
  renderer = render;
}

window.addEventListener('popstate', () => {
  state = readState(location.search);
  renderer();
});
