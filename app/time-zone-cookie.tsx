"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Tells the server the browser's time zone so dates render in the merchant's local time. */
export function TimeZoneCookie({ current }: { current: string | undefined }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== current) {
      document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    }
  }, [current, router]);
  return null;
}
