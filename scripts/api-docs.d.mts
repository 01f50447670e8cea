// Types for scripts/api-docs.mjs (imported by test/node/docs).
export interface ManifestType {
  text: string;
  references?: { name: string; module?: string }[];
}
export interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  static?: boolean;
  readonly?: boolean;
  privacy?: 'public' | 'private' | 'protected';
  type?: ManifestType;
  default?: string;
  description?: string;
  attribute?: string;
  inheritedFrom?: { name: string; module?: string };
}
export interface ManifestEvent {
  name: string;
  type?: ManifestType;
  description?: string;
}
export interface ManifestNamed {
  name: string;
  description?: string;
  default?: string;
}
export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  members?: ManifestMember[];
  attributes?: (ManifestNamed & { fieldName?: string; type?: ManifestType })[];
  events?: ManifestEvent[];
  cssParts?: ManifestNamed[];
  cssProperties?: ManifestNamed[];
  cssStates?: ManifestNamed[];
}
export interface Manifest {
  schemaVersion: string;
  modules: {
    kind: string;
    path: string;
    declarations?: ManifestDeclaration[];
    exports?: { kind: string; name: string }[];
  }[];
}
export const API_START: string;
export const API_END: string;
export function elementsOf(manifest: Manifest): (ManifestDeclaration & { tagName: string })[];
export function renderApiReference(manifest: Manifest): string;
export function replaceSection(readme: string, section: string, start?: string, end?: string): string;
export function readSection(readme: string, start?: string, end?: string): string;
