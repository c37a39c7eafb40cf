export { cleanPastedHtml, type CleanOptions } from './clean';
export { plainTextToHtml } from './plain';
