import { redirect } from "next/navigation";

/** The timeline becomes the home page once it exists; until then the releases are. */
export default function HomePage() {
  redirect("/releases");
}
