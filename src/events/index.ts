export * from './request-event.js';
export * from './requests.js';
export * from './notifications.js';
