// Calls every tool of inventory.d.ts correctly: must type-check.
async function useInventory(): Promise<void> {
  const item = await inventory.get_item({ id: "bolt/1" });
  const firstPart: Item | undefined = item.parts[0];
  const old = await inventory.getItem({ number: 7 });
  const label: string | null = old.label;
  const items = await inventory.list_items({
    class: "tools",
    "content-type": "text/plain",
    "3d": true,
    "": "empty name",
  });
  const problem = await inventory.report({
    error: { code: 1, message: "broken" },
    seen: "2026-11-21",
    again: true,
    log: ["first", "second"],
  });
  if (problem !== null) {
    console.log(problem.reason);
  }
  const tree = await inventory.tree({
    root: { name: "root", children: [{ name: "leaf", children: [] }] },
    next: { root: { name: "again", children: [] } },
    shape: "circle",
  });
  const nothing: undefined = await inventory.delete_({ id: "bolt/1" });
  console.log(firstPart?.id, label, items.length, items[0]?.parts.length, tree.children.length, nothing);
}
