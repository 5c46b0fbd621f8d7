// Preloaded into the API by `npm run bench -- --profile`: exits normally on SIGTERM/SIGINT so that
// node's --cpu-prof writes its profile (a process killed by the signal writes none).
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
