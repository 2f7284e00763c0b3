// Passes a string where sequentialthinking expects a number: must fail to type-check.
async function useSequentialThinkingWrongly(): Promise<void> {
  await sequentialThinking.sequentialthinking({
    thought: "Split the problem",
    nextThoughtNeeded: true,
    thoughtNumber: "one",
    totalThoughts: 3,
  });
}
