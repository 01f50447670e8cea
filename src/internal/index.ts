export * from './flexiti-element.js';
export * from './locale.js';
export * from './host-request.js';
export * from './field-feedback.js';
export * from './styles.js';
export * from './form-element.js';
export * from './format.js';
