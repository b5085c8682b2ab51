import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { requireUser } from "@/lib/server/auth/session";
import { productExists } from "@/lib/server/products/products";

// Decides the 404 before anything streams (see releases/[id]/layout.tsx).
export default async function ProductLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ key: string }>;
}) {
  await requireUser(); // who may not see the app learns nothing, not even what exists
  if (!(await productExists((await params).key))) notFound();
  return children;
}
