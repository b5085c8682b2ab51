import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function ReportsLoading() {
  return <PageSkeleton label="Loading the delivery report" content="report" />;
}
