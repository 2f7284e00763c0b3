// There is no tool tasks.erase: tsc must reject this.
async function unknownTool(): Promise<void> {
  await tasks.erase({ id: "x" });
}
