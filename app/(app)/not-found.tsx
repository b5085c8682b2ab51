import { NotFoundStatus } from "@/components/layout/status-pages";

/** notFound() in a signed-in page: inside the layout, whose <main> it sits in. */
export default function AppNotFound() {
  return <NotFoundStatus inApp />;
}
