"use client";

import { useEffect } from "react";

/**
 * On a phone the tabs scroll sideways: bring the current one (and its count) into view, as a
 * later tab would otherwise sit past the screen's edge.
 */
export function CurrentTabInView({ navId, current }: { navId: string; current: string }) {
  useEffect(() => {
    const nav = document.getElementById(navId);
    const tab = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !tab) return;
    const start = tab.offsetLeft;
    const end = start + tab.offsetWidth;
    if (start < nav.scrollLeft || end > nav.scrollLeft + nav.clientWidth) nav.scrollLeft = Math.max(0, end - nav.clientWidth + 16);
  }, [navId, current]);
  return null;
}
