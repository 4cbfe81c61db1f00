// Roster's staff UI: one module script registers every element.
//   <script type="module" src="https://roster.example.org/ui/roster.js"></script>
//   <roster-member-card member-id="…" token="…" locale="ru"></roster-member-card>
// Page-wide settings instead of attributes: import { configure } from '…/ui/roster.js'; configure({tokenProvider, locale}).
import './member-card.js';
import './timeline.js';
import './member-search.js';
import './pipeline-board.js';
import './my-tasks.js';
import './attendance-sheet.js';
import './dashboard.js';
import './broadcasts.js';
import './knowledge-base.js';

export { configure, ApiError } from './core.js';
export { LOCALES } from './i18n.js';

/** Lets a host wait until every element is defined: await window.rosterReady. */
window.rosterReady = Promise.resolve(true);
document.dispatchEvent(new CustomEvent('roster-ready'));
