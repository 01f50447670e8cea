// V8's explicit compile hint (Chromium 136+) for the files a page runs as soon as they arrive. Without it V8
// only pre-parses each function and compiles it on the main thread at its first call, which for our elements is
// during their first render. With `//# allFunctionsCalledOnLoad` it compiles the whole file while streaming it, off
// the main thread. Only the files an entry imports statically get it: what loads on demand (French, the error
// texts, apply's later screens, the sanitizer) runs only in part, and compiling all of it would be wasted. Other
// engines read the line as a comment. Files under `minBytes` are left alone: they cost more in bytes than they save.

/**
 * @param {{ minBytes?: number }} [options]
 * @returns {import('vite').Plugin}
 */
export function compileHints({ minBytes = 2000 } = {}) {
  return {
    name: 'flexiti-compile-hints',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((output) => output.type === 'chunk')
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const runOnLoad = new Set();
      const visit = (fileName) => {
        if (runOnLoad.has(fileName)) return;
        runOnLoad.add(fileName);
        chunks.get(fileName)?.imports.forEach(visit);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      for (const fileName of runOnLoad) {
        const chunk = chunks.get(fileName);
        if (!chunk || chunk.code.length < minBytes) continue;
        chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
      }
    },
  };
}

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
