import Link from "next/link";

import { StatusPage } from "@/components/layout/status-page";

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="Page not found"
      description="This page does not exist, or the release it showed was removed."
      action={
        <Link href="/" className="text-sm font-medium text-accent hover:underline">
          Back to the releases
        </Link>
      }
    />
  );
}
