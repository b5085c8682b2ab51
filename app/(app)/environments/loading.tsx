import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function EnvironmentsLoading() {
  return <PageSkeleton label="Loading the environments" content="chart" />;
}
