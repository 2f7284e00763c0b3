// Passes a string where memory.create_entities expects an array of entities: must fail to type-check.
async function useMemoryWrongly(): Promise<void> {
  await memory.create_entities({ entities: "Ada" });
}
