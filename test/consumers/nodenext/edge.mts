// An edge worker: /server alone, with only the Fetch API.
import { createFlexitiClient, createFlexitiHandler } from 'flexiti-elements/server';

export default {
  fetch(
    request: Request,
    env: { FLEXITI_BASE_URL: string; ID: string; SECRET: string; USER: string; PASSWORD: string },
  ): Promise<Response> | Response {
    const client = createFlexitiClient({
      baseUrl: env.FLEXITI_BASE_URL,
      clientId: env.ID,
      clientSecret: env.SECRET,
      merchantUsername: env.USER,
      merchantPassword: env.PASSWORD,
    });
    return createFlexitiHandler({ client, basePath: '/api/flexiti' }).fetch(request);
  },
};
