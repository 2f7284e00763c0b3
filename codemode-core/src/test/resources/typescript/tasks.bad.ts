// Passes a number where tasks.create expects a string title: must fail to type-check.
async function useTasksWrongly(): Promise<void> {
  await tasks.create({ title: 42 });
}
