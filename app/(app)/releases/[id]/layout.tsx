import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { requireUser } from "@/lib/server/auth/session";
import { releaseExists } from "@/lib/server/releases/get-release";

// Decides the 404 before anything streams: the pages below show a loading skeleton at once, and
// after that first byte the answer's status could no longer change from 200.
export default async function ReleaseLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  await requireUser(); // who may not see the app learns nothing, not even what exists
  if (!(await releaseExists((await params).id))) notFound();
  return children;
}
