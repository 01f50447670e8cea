// Types for scripts/jsx-types.mjs (imported by scripts/make-react.mjs and test/node/docs).
export interface ManifestElement {
  tag: string;
  className: string;
  path: string;
  summary?: string;
  properties: { name: string; description?: string }[];
  attributes: string[];
  events: { name: string; type: string; description?: string }[];
}
export declare function elements(cem?: unknown): ManifestElement[];
