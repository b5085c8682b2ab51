import Link from "next/link";

import { StatusPage } from "@/components/layout/status-page";

export default function Forbidden() {
  return (
    <StatusPage
      code="403"
      title="You don't have access to this page"
      description="Your role does not include this. If you need it, ask an administrator to change your role."
      action={
        <Link href="/" className="text-sm font-medium text-accent hover:underline">
          Back to the releases
        </Link>
      }
    />
  );
}
