// Calls every tool of both connectors correctly: must type-check.
async function useTasksAndProjects(): Promise<void> {
  const task = await tasks.create({ title: "Plan", priority: "LOW" });
  const all: Task[] = await tasks.list({});
  const projectList = await projects.list({ archived: true });
  const firstTask: ProjectsTask | undefined = projectList[0]?.tasks[0];
  const done: undefined = await projects.archive({ name: "old" });
  console.log(task.title, all.length, firstTask?.id, done);
}
