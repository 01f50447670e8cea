import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** What `vite build -c <configFile>` writes, built in memory: the files, the chunks among them by file name. */
export async function buildOutput(configFile: string): Promise<(Rollup.OutputChunk | Rollup.OutputAsset)[]> {
  const output = (await build({
    root,
    configFile: `${root}${configFile}`,
    logLevel: 'silent',
    build: { write: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  return (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
}

/** The chunks of {@link buildOutput}, by file name. */
export async function buildChunks(configFile: string): Promise<Map<string, Rollup.OutputChunk>> {
  const chunks = (await buildOutput(configFile)).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
  return new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
}
