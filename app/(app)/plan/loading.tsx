import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function PlanLoading() {
  return <PageSkeleton label="Loading the planner" content="form" />;
}
