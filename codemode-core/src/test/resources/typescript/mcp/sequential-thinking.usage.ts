// Calls the tool of sequential-thinking.d.ts correctly: must type-check.
async function useSequentialThinking(): Promise<void> {
  const step = await sequentialThinking.sequentialthinking({
    thought: "Split the problem",
    nextThoughtNeeded: true,
    thoughtNumber: 1,
    totalThoughts: 3,
    isRevision: "false",
    branchId: "main",
  });
  const more: boolean = step.nextThoughtNeeded;
  console.log(more, step.branches.join(","), step.thoughtHistoryLength);
}
