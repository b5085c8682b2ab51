import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function CalendarLoading() {
  return <PageSkeleton label="Loading the calendar" content="chart" />;
}
