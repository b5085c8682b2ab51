import { ForbiddenStatus } from "@/components/layout/status-page";

export default function Forbidden() {
  return <ForbiddenStatus />;
}
