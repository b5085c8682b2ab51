import { NotFoundStatus } from "@/components/layout/status-page";

export default function NotFound() {
  return <NotFoundStatus />;
}
