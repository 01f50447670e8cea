// A Node server (ESM, nodenext): the client and handler from /server, the adapter from /server/node, the sandbox.
import { createFlexitiClient, createFlexitiHandler, type FlexitiHandler } from 'flexiti-elements/server';
import { serveNode, type NodeServer } from 'flexiti-elements/server/node';
import { createRedisStore } from 'flexiti-elements/server/redis';
import { createSandbox, SANDBOX_SMS_CODE } from 'flexiti-elements/sandbox';
import { validatePostalCode } from 'flexiti-elements/model';

const sandbox = createSandbox();
const client = createFlexitiClient({
  baseUrl: 'https://sandbox.invalid',
  ...sandbox.credentials,
  fetch: sandbox.fetch,
});
const store = process.env.REDIS_URL ? await createRedisStore({ url: process.env.REDIS_URL }) : undefined;
const handler: FlexitiHandler = createFlexitiHandler({ client, basePath: '/api/flexiti', ...(store ? { store } : {}) });
const server: NodeServer = await serveNode(handler, { port: 0 });
// @ts-expect-error the port is a number
await serveNode(handler, { port: '8787' });
const url: string = server.url;
await server.close();

export { url, SANDBOX_SMS_CODE, validatePostalCode };
