export { cleanPastedHtml } from './clean';
export { plainTextToHtml } from './plain';
