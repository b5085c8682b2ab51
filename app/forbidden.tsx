import { ForbiddenStatus } from "@/components/layout/status-pages";

export default function Forbidden() {
  return <ForbiddenStatus />;
}
