// Calls every tool of tasks.d.ts correctly: must type-check.
async function useTasks(): Promise<void> {
  const task: Task = await tasks.create({ title: "Write the renderer", priority: "HIGH" });
  const other = await tasks.create({ title: "No priority yet", priority: null });
  const plain = await tasks.create({ title: "Priority left out" });
  const all: Task[] = await tasks.list({});
  console.log(task.id, task.tags.join(","), other.title, plain.id, all.length);
}
