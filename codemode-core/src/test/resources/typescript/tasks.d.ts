type CreateInput = {
  /** Short title of the task */
  title: string;
  priority?: Priority | null;
};
type CreateOutput = Task;
type ListInput = {};
type ListOutput = Task[];
type Priority = "LOW" | "MEDIUM" | "HIGH";
/** A task in the user's list. */
type Task = {
  /** @format uuid */
  id: string;
  title: string;
  tags: string[];
};

/**
 * Manages the user's tasks.
 */
declare const tasks: {
  /**
   * Creates a task.
   * @param input.title - Short title of the task
   */
  create: (input: CreateInput) => Promise<CreateOutput>;

  /** Lists all tasks. */
  list: (input: ListInput) => Promise<ListOutput>;
};
