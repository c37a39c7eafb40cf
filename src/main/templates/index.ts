export { createTemplateHandlers } from './handlers';
export { templatePushExtension } from './push-extension';
