// A title must be a string: tsc must reject this.
async function wrongArgument(): Promise<void> {
  await tasks.create({ title: 42 });
}
