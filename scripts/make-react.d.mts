// Types for scripts/make-react.mjs (imported by test/node/docs).
export declare function reactEventProp(name: string): string;
export declare function reactModule(list: import('./jsx-types.mjs').ManifestElement[]): string;
