import { ForbiddenStatus } from "@/components/layout/status-pages";

/** forbidden() in a signed-in page: inside the layout, whose <main> it sits in. */
export default function AppForbidden() {
  return <ForbiddenStatus inApp />;
}
