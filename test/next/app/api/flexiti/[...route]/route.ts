// The handler as a Next.js route handler, on the sandbox (no credentials, no network).
import { createFlexitiClient, createFlexitiHandler } from 'flexiti-elements/server';
import { createSandbox } from 'flexiti-elements/sandbox';

const sandbox = createSandbox();
const client = createFlexitiClient({
  baseUrl: 'https://pos-api.sandbox.invalid/flexiti/pos-api/v2',
  ...sandbox.credentials,
  fetch: (request) => sandbox.fetch(request),
});
const flexiti = createFlexitiHandler({ client, basePath: '/api/flexiti' });

export const GET = (request: Request) => flexiti.fetch(request);
export const POST = (request: Request) => flexiti.fetch(request);
