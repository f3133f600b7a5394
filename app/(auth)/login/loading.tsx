import { PageSkeleton } from "@/components/ui/skeleton";

// Not for /setup: its 404 (once an account exists) must be a real status, sent before any stream.
export default function Loading() {
  return <PageSkeleton rows={3} variant="form" />;
}
