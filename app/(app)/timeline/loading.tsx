import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function TimelineLoading() {
  return <PageSkeleton label="Loading the timeline" content="chart" />;
}
