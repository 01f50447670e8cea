// `flexiti-elements/react`: React components for the elements, for React 18 and older, which set
// everything as attributes and cannot listen to custom events. React 19 needs none of this: it sets
// properties and listens to `on<event-name>` props on custom elements natively.
// Importing this module registers the tags (guarded, like every define module).
//
// The components are generated from custom-elements.json (scripts/make-react.mjs): each element's properties
// as props and every event it lists as an `on<EventName>` prop (`flexiti-apply-request` → `onFlexitiApplyRequest`,
// `change` → `onChange`).
export * from '../generated/react.js';
