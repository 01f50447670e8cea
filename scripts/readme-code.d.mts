export interface CodeBlock {
  lang: string;
  code: string;
  /** The opening fence's line, 1-based. */
  line: number;
  start: number;
  end: number;
  /** The file the block is copied from (`<!-- include: path -->`). */
  include?: string;
}
export function codeBlocks(text: string): CodeBlock[];
export function withIncludes(text: string, root: string): string;
