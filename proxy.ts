// Sends anonymous visitors of any page to the sign-in page. It only redirects: every page and API
// route checks the user again (API routes answer 401 JSON themselves, so they are not matched here).
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/signin" } });

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|icon\\.svg|signin).*)"],
};
