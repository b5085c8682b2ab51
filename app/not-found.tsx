import { NotFoundStatus } from "@/components/layout/status-pages";

export default function NotFound() {
  return <NotFoundStatus />;
}
