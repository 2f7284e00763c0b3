// Passes a string where filesystem.edit_file expects an array of edits: must fail to type-check.
async function useFilesystemWrongly(): Promise<void> {
  await filesystem.edit_file({ path: "/tmp/a.txt", edits: "replace a with b" });
}
