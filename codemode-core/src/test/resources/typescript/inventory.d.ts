type GetItemInput = {
  /**
   * Item id; text such as *\/ must not end the comment
   * @pattern ^[a-z]+/\d+$
   */
  id: string;
};
type GetItemOutput = Item;
type GetItem2Input = {
  /** @minimum 1 */
  number: number;
};
type GetItem2Output = Item2;
type ListItemsInput = {
  /** Item class (a reserved word as a property name) */
  class?: string;
  "content-type"?: string;
  "3d"?: boolean;
  /** The empty property name */
  ""?: string;
};
type ListItemsOutput = Item[];
type ReportInput = {
  error: InventoryError;
  seen?: InventoryDate;
  again?: ReportInput2;
  log?: InventoryConsole;
};
type ReportOutput = InventoryError2 | null;
type TreeInput = {
  root: TreeNode;
  next?: TreeInput;
  shape?: Shape;
};
type TreeOutput = TreeNode;
type Delete_Input = {
  id: string;
};
type Delete_Output = undefined;
/** An item, made of other items. */
type Item = {
  id: string;
  parts: Item[];
};
type Item2 = {
  number: number;
  label: string | null;
};
/** What went wrong. */
type InventoryError = {
  code: number;
  message: string;
};
/** @format date */
type InventoryDate = string;
/** A def named like a tool type. */
type ReportInput2 = boolean;
type InventoryConsole = string[];
/** A different error shape. */
type InventoryError2 = {
  reason: string;
};
type TreeNode = {
  name: string;
  children: TreeNode[];
};
type Shape = Alias | string;
type Alias = unknown;

/**
 * Stock of the warehouse.
 *
 * Every call is logged. A comment-closing *\/ in text stays inside the comment.
 */
declare const inventory: {
  /**
   * Reads one item with its parts.
   * @param input.id - Item id; text such as *\/ must not end the comment
   */
  get_item: (input: GetItemInput) => Promise<GetItemOutput>;

  /** Reads one item by number (an older API). */
  getItem: (input: GetItem2Input) => Promise<GetItem2Output>;

  /**
   * Lists items.
   * @param input.class - Item class (a reserved word as a property name)
   * @param input. - The empty property name
   */
  list_items: (input: ListItemsInput) => Promise<ListItemsOutput>;

  /** Reports a problem. */
  report: (input: ReportInput) => Promise<ReportOutput>;

  /** Builds a category tree. */
  tree: (input: TreeInput) => Promise<TreeOutput>;

  /** delete_ */
  delete_: (input: Delete_Input) => Promise<Delete_Output>;
};
