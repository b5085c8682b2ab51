import { redirect } from "next/navigation";

/** Signed in, the timeline is home. */
export default function HomePage() {
  redirect("/timeline");
}
