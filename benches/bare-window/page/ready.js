// Painted: the same signal as Myochart's client list (ui/src/lib/bench.ts),
// after the frame that shows the list.
requestAnimationFrame(() =>
  setTimeout(() => window.__TAURI__.core.invoke("bench_ready", { screen: "list" })),
);
