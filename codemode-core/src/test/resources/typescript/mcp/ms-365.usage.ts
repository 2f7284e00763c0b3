// Calls the four Microsoft 365 tools correctly, through their recursive $defs types: must type-check.
async function useMicrosoft(): Promise<void> {
  await microsoft.create_contact_folder({
    body: { displayName: "Friends", childFolders: [{ displayName: "School", childFolders: [{ displayName: "Class of 2010" }] }] },
  });
  await microsoft.update_contact_folder({ contactFolderId: "folder-1", body: { displayName: "Family" }, includeHeaders: true });
  await microsoft.create_mail_folder({ body: { displayName: "Receipts", isHidden: false, childFolders: [] } });
  const page: unknown = await microsoft.create_onenote_page({
    body: { title: "Notes", level: 0, createdDateTime: "2026-01-01T00:00:00Z" },
    confirm: true,
  });
  console.log(page);
}
