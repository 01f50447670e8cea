export * from './request-event.js';
export * from './requests.js';
export * from './notifications.js';
export * from './terms-change.js';
export * from './checkout.js';
