// Calls every tool of filesystem.d.ts correctly: must type-check.
async function useFilesystem(): Promise<void> {
  const file = await filesystem.read_file({ path: "/tmp/a.txt", head: 10 });
  await filesystem.read_text_file({ path: "/tmp/a.txt", tail: 5 });
  const media = await filesystem.read_media_file({ path: "/tmp/a.png" });
  for (const part of media.content) {
    if (part.type === "resource") {
      console.log(part.resource.uri, part.resource.blob.length);
    } else {
      console.log(part.mimeType, part.data.length);
    }
  }
  await filesystem.read_multiple_files({ paths: ["/tmp/a.txt", "/tmp/b.txt"] });
  await filesystem.write_file({ path: "/tmp/a.txt", content: "text" });
  await filesystem.edit_file({ path: "/tmp/a.txt", edits: [{ oldText: "a", newText: "b" }], dryRun: true });
  await filesystem.create_directory({ path: "/tmp/d" });
  await filesystem.list_directory({ path: "/tmp" });
  await filesystem.list_directory_with_sizes({ path: "/tmp", sortBy: "size" });
  await filesystem.directory_tree({ path: "/tmp", excludePatterns: ["*.log"] });
  await filesystem.move_file({ source: "/tmp/a.txt", destination: "/tmp/c.txt" });
  await filesystem.search_files({ path: "/tmp", pattern: "*.txt" });
  await filesystem.get_file_info({ path: "/tmp/c.txt" });
  const allowed = await filesystem.list_allowed_directories({});
  console.log(file.content, allowed.content);
}
