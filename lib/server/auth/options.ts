import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";

import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientAddressFrom } from "@/lib/server/http/client-address";
import { knownDeviceOf } from "@/lib/server/users/known-device";
import { revokeSession, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/server/users/sessions";
import { signInWithPassword } from "@/lib/server/users/sign-in-with-password";
import { signInWithSso } from "@/lib/server/users/sign-in-with-sso";
import { signInSchema } from "@/lib/validation/auth";

/** Who is signing in from where: recorded with the session. */
export type ClientInfo = { userAgent: string | null; ipAddress: string | null };

/** One request to the sign-in routes: who sends it, and which password sign-in it settled. */
export type SignInRequest = {
  client: ClientInfo;
  cookies: string | null;
  /** Set when a password sign-in succeeds: the route then marks the browser a known device. */
  signedIn?: { email: string; device: string | null };
};

export function signInRequestOf(headers: Headers): SignInRequest {
  return {
    client: { userAgent: headers.get("user-agent"), ipAddress: clientAddressFrom(headers) },
    cookies: headers.get("cookie"),
  };
}

type OidcProfile = Record<string, unknown> & { sub: string; email?: string; name?: string };

function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  const issuer = env.OIDC_ISSUER.replace(/\/$/, "");
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // The local user (and role) is settled in the signIn callback; this only names the identity.
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? null,
      role: "VIEWER",
    }),
  };
}

/**
 * The session cookie: a JWT naming the user and their row in user_sessions. Pages and routes read
 * the user (and role) from the database on every request, so a revoked session, a deactivation or a
 * role change applies at once.
 */
export const authOptions: NextAuthOptions = {
  // Read when next-auth asks (per request), never at build time.
  get secret() {
    return getEnv().NEXTAUTH_SECRET;
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = { ...session.user, id: token.uid, role: token.role, sessionId: token.sid };
      }
      return session;
    },
  },
};

/**
 * The options of the sign-in routes themselves, which know the request: the providers the
 * environment turns on, and a session recorded (with browser and address) at each sign-in.
 */
export function signInOptions(request: SignInRequest): NextAuthOptions {
  const { client } = request;
  const env = getEnv();
  const oidc = oidcProvider();
  return {
    ...authOptions,
    providers: [
      ...(env.PASSWORD_LOGIN
        ? [
            CredentialsProvider({
              name: "Email and password",
              credentials: {
                email: { label: "Email", type: "email" },
                password: { label: "Password", type: "password" },
              },
              async authorize(credentials) {
                const parsed = signInSchema.safeParse(credentials);
                if (!parsed.success) return null;
                const device = knownDeviceOf(request.cookies, parsed.data.email);
                try {
                  const user = await signInWithPassword({
                    ...parsed.data,
                    client: client.ipAddress,
                    device,
                  });
                  request.signedIn = { email: user.email, device };
                  return user;
                } catch (error) {
                  // The sign-in form shows this message (e.g. when to try again).
                  if (isAppError(error)) throw new Error(error.message);
                  throw error;
                }
              },
            }),
          ]
        : []),
      ...(oidc ? [oidc] : []),
    ],
    events: {
      // Signing out ends the session row too: a copied cookie stops working at once.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
    callbacks: {
      ...authOptions.callbacks,
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const claims = (profile ?? {}) as Record<string, unknown>;
        const local = await signInWithSso({
          issuer: String(claims.iss ?? env.OIDC_ISSUER),
          subject: String(claims.sub ?? account.providerAccountId),
          email: typeof claims.email === "string" ? claims.email : null,
          name: typeof claims.name === "string" ? claims.name : null,
          claims,
        });
        if (!local) return "/signin?error=AccessDenied";
        Object.assign(user, local);
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sid = await startSession({
            userId: user.id,
            method: account?.provider === "oidc" ? "OIDC" : "PASSWORD",
            ...client,
          });
        }
        return token;
      },
    },
  };
}
