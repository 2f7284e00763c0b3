// A child folder's display name must be a string (through the recursive Def0 type): must fail to type-check.
async function useMicrosoftWrongly(): Promise<void> {
  await microsoft.create_contact_folder({ body: { childFolders: [{ childFolders: [{ displayName: 42 }] }] } });
}
