// Passes a string where inventory.getItem expects a number: must fail to type-check.
async function useInventoryWrongly(): Promise<void> {
  await inventory.getItem({ number: "7" });
}
