// The desk's set-up, imported once by an app's main.ts. Desk components have their own entries
// (`@psc/ui-kit/desk/table`), so that the first page loads none of them unless it shows them.
import './desk.css';

export { type DeskLocale, installDesk } from './install';
