type CreateInput = {
  /**
   * what has to be done, in a few words
   * @minLength 1
   * @maxLength 200
   * @pattern \S
   */
  title: string;
  /** longer notes */
  notes?: string | null;
  /** how urgent it is; NORMAL when left out */
  priority?: Priority | null;
  /**
   * the day it is due
   * @format date
   */
  due?: string | null;
  /** labels for grouping */
  tags?: string[] | null;
};
type CreateOutput = Task;
type ListInput = {
  /** only tasks with this status */
  status?: Status | null;
  /** only tasks with this tag */
  tag?: string | null;
  /**
   * only tasks due on or before this day
   * @format date
   */
  dueBefore?: string | null;
  /**
   * how many matching tasks to skip
   * @minimum 0
   */
  offset?: number | null;
  /**
   * at most this many tasks
   * @minimum 1
   * @maximum 100
   */
  limit?: number | null;
};
type ListOutput = PageOfTask;
type GetInput = {
  /**
   * the task's identifier
   * @format uuid
   */
  id: string;
};
type GetOutput = Task;
type UpdateInput = {
  /**
   * the task's identifier
   * @format uuid
   */
  id: string;
  /** what to change */
  changes: TaskChanges;
};
type UpdateOutput = Task;
type CompleteInput = {
  /**
   * the task's identifier
   * @format uuid
   */
  id: string;
};
type CompleteOutput = Task;
type RemoveInput = {
  /**
   * the identifier of the task to delete
   * @format uuid
   */
  id: string;
};
type RemoveOutput = Task;
type SummaryInput = {};
type SummaryOutput = {
  OPEN?: number;
  IN_PROGRESS?: number;
  DONE?: number;
};
/** How urgent a task is. */
type Priority = "LOW" | "NORMAL" | "HIGH" | "URGENT";
/** A task in the user's list. */
type Task = {
  /**
   * the task's identifier
   * @format uuid
   */
  id: string;
  /** what has to be done, in a few words */
  title: string;
  /** longer notes, absent when there are none */
  notes?: string | null;
  /** how urgent it is */
  priority: Priority;
  /** where it stands */
  status: Status;
  /**
   * the day it is due, absent when it has no deadline
   * @format date
   */
  due?: string | null;
  /** labels for grouping, lower-case */
  tags: string[];
  /**
   * when the task was created
   * @format date-time
   */
  created: string;
};
/** Where a task stands. */
type Status = "OPEN" | "IN_PROGRESS" | "DONE";
/** One page of results. */
type PageOfTask = {
  /** the results on this page */
  items: Task[];
  /** how many results there are in all */
  total: number;
  /** the offset of the next page, absent on the last page */
  nextOffset?: number | null;
};
/** Changes to a task; every field left out stays as it is. */
type TaskChanges = {
  /**
   * a new title
   * @minLength 1
   * @maxLength 200
   */
  title?: string | null;
  /** new notes */
  notes?: string | null;
  /** a new priority */
  priority?: Priority | null;
  /** a new status */
  status?: Status | null;
  /**
   * a new due day
   * @format date
   */
  due?: string | null;
  /** the new set of tags, replacing the old ones */
  tags?: string[] | null;
};

/**
 * The user's task list: create, find, change and remove tasks. Removing a task needs the user's approval.
 */
declare const tasks: {
  /**
   * Creates a task.
   * @param input.title - what has to be done, in a few words
   * @param input.notes - longer notes
   * @param input.priority - how urgent it is; NORMAL when left out
   * @param input.due - the day it is due
   * @param input.tags - labels for grouping
   */
  create: (input: CreateInput) => Promise<CreateOutput>;

  /**
   * Lists tasks, most urgent first, then by due day.
   * @param input.status - only tasks with this status
   * @param input.tag - only tasks with this tag
   * @param input.dueBefore - only tasks due on or before this day
   * @param input.offset - how many matching tasks to skip
   * @param input.limit - at most this many tasks
   */
  list: (input: ListInput) => Promise<ListOutput>;

  /**
   * Finds one task.
   * @param input.id - the task's identifier
   */
  get: (input: GetInput) => Promise<GetOutput>;

  /**
   * Changes a task; fields not given stay as they are.
   * @param input.id - the task's identifier
   * @param input.changes - what to change
   */
  update: (input: UpdateInput) => Promise<UpdateOutput>;

  /**
   * Marks a task as done.
   * @param input.id - the task's identifier
   */
  complete: (input: CompleteInput) => Promise<CompleteOutput>;

  /**
   * Deletes a task for good. A person must approve each deletion.
   * @param input.id - the identifier of the task to delete
   */
  remove: (input: RemoveInput) => Promise<RemoveOutput>;

  /** Counts tasks by status. */
  summary: (input: SummaryInput) => Promise<SummaryOutput>;
};
