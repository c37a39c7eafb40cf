export { createReviewHandlers } from './handlers';
export { ReviewSync } from './runner';
export { applyAnnotation } from './annotations-from-hq';
export { reviewPushExtension } from './push-extension';
export { countReviewOutbox } from './tables/outbox';
