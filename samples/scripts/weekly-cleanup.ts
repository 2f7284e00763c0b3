// A sample of what a model writes: TypeScript against the sample connectors' declarations
// (`codemode types` prints them). Deleting a task needs a person's approval, so this run pauses
// at each remove until someone approves it.
interface Draft { title: string; tags: string[] }

const drafts: Draft[] = [
  { title: "Old draft of the Q3 report", tags: ["stale"] },
  { title: "Book the team offsite", tags: ["travel"] },
  { title: "Obsolete onboarding notes", tags: ["stale"] },
];
for (const draft of drafts) {
  await tasks.create({ title: draft.title, tags: draft.tags });
}

const stale = await tasks.list({ tag: "stale" });
console.log(`${stale.total} stale task(s) to remove`);
const removed: string[] = [];
for (const task of stale.items) {
  const gone = await tasks.remove({ id: task.id });
  removed.push(gone.title);
}
const left = await tasks.list({});
return { removed, left: left.items.map((t) => t.title) };
