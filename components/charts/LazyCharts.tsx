"use client";

import dynamic from "next/dynamic";

// recharts is loaded after the page, so it is no part of the first-load JavaScript; the box keeps
// its height meanwhile so nothing jumps.
const placeholder = () => <div className="chart-box" aria-hidden="true" />;

export const LazyNetworkSeriesChart = dynamic(() => import("./NetworkSeriesChart").then((m) => m.NetworkSeriesChart), { ssr: false, loading: placeholder });
export const LazyVersionProgressChart = dynamic(() => import("./VersionProgressChart").then((m) => m.VersionProgressChart), { ssr: false, loading: placeholder });
