// Calls every tool of memory.d.ts correctly: must type-check.
async function useMemory(): Promise<void> {
  await memory.create_entities({
    entities: [{ name: "Ada", entityType: "person", observations: ["wrote the first program"] }],
  });
  await memory.create_relations({ relations: [{ from: "Ada", to: "Engine", relationType: "programmed" }] });
  await memory.add_observations({ observations: [{ entityName: "Ada", contents: ["mathematician"] }] });
  await memory.delete_entities({ entityNames: ["Engine"] });
  await memory.delete_observations({ deletions: [{ entityName: "Ada", observations: ["mathematician"] }] });
  await memory.delete_relations({ relations: [{ from: "Ada", to: "Engine", relationType: "programmed" }] });
  const graph = await memory.read_graph({});
  const found = await memory.search_nodes({ query: "Ada" });
  const opened = await memory.open_nodes({ names: ["Ada"] });
  console.log(graph.entities.length, graph.relations[0]?.relationType, found.entities[0]?.name, opened.relations.length);
}
