import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function ApprovalsLoading() {
  return <PageSkeleton label="Loading your approvals" content="cards" />;
}
