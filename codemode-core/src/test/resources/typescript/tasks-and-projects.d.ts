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

type ProjectsListInput = {
  /** Include archived projects */
  archived?: boolean;
};
type ProjectsListOutput = Project[];
type ArchiveInput = {
  name: string;
};
type ArchiveOutput = undefined;
type Project = {
  name: string;
  tasks: ProjectsTask[];
};
/** A task as a project shows it: only its id. */
type ProjectsTask = {
  id: string;
};

/**
 * Groups tasks into projects.
 */
declare const projects: {
  /**
   * Lists the projects.
   * @param input.archived - Include archived projects
   */
  list: (input: ProjectsListInput) => Promise<ProjectsListOutput>;

  /** Archives a project. */
  archive: (input: ArchiveInput) => Promise<ArchiveOutput>;
};
