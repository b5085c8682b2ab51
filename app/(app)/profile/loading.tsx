import { PageSkeleton } from "@/components/layout/page-skeleton";

export default function ProfileLoading() {
  return <PageSkeleton label="Loading your profile" content="form" />;
}
