/** OAuth tokens, the bearer check every other route passes, and the merchant login. */
import { jsonResponse, oauthErrorResponse, readBodyText } from '../../http.js';
import { SANDBOX_MERCHANT, sandboxFormValues } from '../form-values.js';
import { API_TEXT } from '../messages.js';
import { randomHex, type SandboxToken, type SandboxWorld } from '../state.js';
import { fail, readJsonBody, type Route, type RouteContext } from './route.js';
import { apiLang } from '../../../model/locale.js';

function issueToken(world: SandboxWorld, now: number): SandboxToken {
  const token: SandboxToken = {
    accessToken: randomHex(20),
    refreshToken: randomHex(20),
    clientId: world.credentials.clientId,
    expiresAt: now + world.tokenLifetime * 1000,
    revoked: false,
  };
  world.state.tokens.set(token.accessToken, token);
  world.refreshTokens.set(token.refreshToken, token);
  return token;
}

async function token(context: RouteContext): Promise<Response> {
  const { world } = context;
  let text: string;
  try {
    text = await readBodyText(context.request, world.maxBodyBytes);
  } catch {
    return oauthErrorResponse(400, 400, 'invalid_request', 'Request body too large');
  }
  // Flexiti expects a form-encoded body; the query string is ignored on purpose.
  const form = new URLSearchParams(text);
  const grantType = form.get('grant_type');
  if (grantType !== 'client_credentials' && grantType !== 'refresh_token') {
    return oauthErrorResponse(400, 400, 'invalid_request', 'Invalid or missing grant_type parameter');
  }
  if (form.get('client_id') !== world.credentials.clientId) {
    return oauthErrorResponse(400, 400, 'invalid_client', 'Invalid or missing client_id parameter');
  }
  if (form.get('client_secret') !== world.credentials.clientSecret) {
    return oauthErrorResponse(400, 400, 'invalid_client', 'Client credentials are invalid');
  }
  if (grantType === 'refresh_token') {
    const previous = world.refreshTokens.get(form.get('refresh_token') ?? '');
    if (!previous || previous.revoked) return oauthErrorResponse(400, 400, 'invalid_grant', 'Invalid refresh token');
    // An expired access token cannot be refreshed: the client falls back to client_credentials.
    if (previous.expiresAt <= context.now)
      return oauthErrorResponse(400, 400, 'invalid_grant', 'Refresh token has expired');
    world.refreshTokens.delete(previous.refreshToken);
  }
  const issued = issueToken(world, context.now);
  return jsonResponse({
    token_type: 'bearer',
    access_token: issued.accessToken,
    expires_in: world.tokenLifetime,
    refresh_token: issued.refreshToken,
  });
}

/** The refusal for a request without a live bearer token for this client id, or nothing. */
export function authenticate(context: RouteContext): Response | undefined {
  const header = context.request.headers.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const issued = bearer ? context.world.state.tokens.get(bearer) : undefined;
  if (!issued || issued.revoked)
    return oauthErrorResponse(401, 401, 'invalid_token', 'The access token provided is invalid.');
  if (issued.expiresAt <= context.now)
    return oauthErrorResponse(401, 401, 'invalid_token', 'The access token provided has expired');
  if (context.params[0] !== issued.clientId) {
    return oauthErrorResponse(400, 400, 'invalid_client', 'Invalid or missing client_id parameter');
  }
  return undefined;
}

async function login(context: RouteContext): Promise<Response> {
  const body = await readJsonBody(context);
  if (body instanceof Response) return body;
  const { credentials } = context.world;
  if (
    body['merchant_username'] !== credentials.merchantUsername ||
    body['merchant_password'] !== credentials.merchantPassword
  ) {
    return fail(context, 409, 'authentication_failure', API_TEXT.authenticationFailure);
  }
  const lang = apiLang(context.url.searchParams.get('lang'));
  return jsonResponse({ ...SANDBOX_MERCHANT, form_values: sandboxFormValues(lang) });
}

export const authRoutes: Route[] = [
  { name: 'oauth/token', method: 'POST', pattern: /\/oauth\/token$/, authenticated: false, handle: token },
  {
    name: 'merchants/login',
    method: 'POST',
    pattern: /\/client-id\/([^/]+)\/merchants\/login$/,
    authenticated: true,
    handle: login,
  },
];
