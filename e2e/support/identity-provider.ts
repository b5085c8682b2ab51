// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the end-to-end
// tests of single sign-on: its own login page (any login, any password), people whose groups map
// to the app's roles, and a switch that makes it refuse the app's client secret.
import { createServer, type Server } from "node:http";

import Provider from "oidc-provider";

export const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3190);
export const IDP_ISSUER = `http://127.0.0.1:${IDP_PORT}`;
export const IDP_CLIENT = { id: "release-calendar", secret: "e2e-client-secret-of-enough-length" };
export const IDP_ROLE_MAP = "rc-admins=ADMIN,rc-release-managers=RELEASE_MANAGER,rc-qa=QA";

/** The people the provider knows: the login decides the groups (and so the role in the app). */
function groupsOf(login: string): string[] {
  if (login.startsWith("sso-admin")) return ["staff", "rc-admins"];
  if (login.startsWith("sso-rm")) return ["staff", "rc-release-managers"];
  if (login.startsWith("sso-qa")) return ["staff", "rc-qa"];
  return ["staff"];
}

export async function startIdentityProvider(appUrl: string): Promise<Server> {
  let rejectClientSecret = false;
  const provider = new Provider(IDP_ISSUER, {
    clients: [
      {
        client_id: IDP_CLIENT.id,
        client_secret: IDP_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    cookies: { keys: ["e2e-only-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // Claims of the requested scopes go into the ID token, which is what the app reads.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: `${sub}@sso.example`,
            email_verified: true,
            name: sub.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase()),
            groups: groupsOf(sub),
          };
        },
      };
    },
    // A first-party app: no consent screen, the grant is given on sign-in.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ||
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // As if the app's secret had been rotated at the provider: the token request is refused.
  provider.use(async (ctx, next) => {
    if (rejectClientSecret && ctx.path === "/token") {
      ctx.headers.authorization = `Basic ${Buffer.from(`${IDP_CLIENT.id}:not-the-secret`).toString("base64")}`;
    }
    await next();
  });
  const callback = provider.callback();
  const server = createServer((request, response) => {
    if (request.url === "/__e2e__/client-secret" && request.method === "POST") {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        rejectClientSecret = body.trim() === "reject";
        response.writeHead(204).end();
      });
      return;
    }
    callback(request, response);
  });
  await new Promise<void>((resolve) => server.listen(IDP_PORT, "127.0.0.1", resolve));
  return server;
}
