export { checklistBlocker } from './enforce';
