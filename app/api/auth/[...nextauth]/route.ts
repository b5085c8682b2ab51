import NextAuth from "next-auth";

import { getEnv } from "@/lib/env";
import { signInOptions, signInRequestOf } from "@/lib/server/auth/options";
import { knownDeviceCookie } from "@/lib/server/users/known-device";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's routes, with options that know the request (to record where a sign-in came from);
 * a password sign-in marks the browser a known device of that person (its own throttle count).
 */
async function handler(request: Request, context: Context) {
  const signIn = signInRequestOf(request.headers);
  const response: Response = await NextAuth(
    request as never,
    context as never,
    signInOptions(signIn),
  );
  if (signIn.signedIn) {
    const secure = getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
    const { email, device } = signIn.signedIn;
    response.headers.append("set-cookie", knownDeviceCookie(email, secure, device));
  }
  return response;
}

export { handler as GET, handler as POST };
