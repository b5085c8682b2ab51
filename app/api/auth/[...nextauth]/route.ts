import NextAuth from "next-auth";

import { clientInfoOf, signInOptions } from "@/lib/server/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's routes, with options that know the request (to record where a sign-in came from). */
async function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, signInOptions(clientInfoOf(request.headers)));
}

export { handler as GET, handler as POST };
