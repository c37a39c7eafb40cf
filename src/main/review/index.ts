export { createReviewHandlers } from './handlers';
export { ReviewSync } from './runner';
export { applyAnnotation, applyTransitionFromHq } from './annotations-from-hq';
export { reviewPushExtension } from './push-extension';
export { countReviewOutbox } from './tables/outbox';
