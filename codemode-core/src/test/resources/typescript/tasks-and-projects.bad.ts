// Passes a number where projects.archive expects a string name: must fail to type-check.
async function useProjectsWrongly(): Promise<void> {
  await projects.archive({ name: 1 });
}
